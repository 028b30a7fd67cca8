package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.domain.coupon.CouponCode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The counter over REST against the real database: exactly one redemption under concurrency, the reasons a code is
 * refused, undo within the window and after it, tenants that never see each other's codes, and guessing protection.
 */
@org.junit.jupiter.api.extension.ExtendWith(LedgerAgrees.class)
// Alongside other test classes (see deal-web's POM); its own tests one after another.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("CounterIT")
class CounterIT extends DeployedApp {

    private Counter.Shop shop;

    @BeforeEach
    void setUp() throws Exception {
        shop = counter.shop("Counter Curry");
    }

    @Test
    void fiftyParallelRedeemsOfOneCodeFromTwoCountersRedeemItOnce() throws Exception {
        String code = counter.coupons(shop.dealId(), 1).get(0);
        String otherCounter = counter.staffAt(shop.merchant(), List.of(shop.first()));
        List<Callable<Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String token = i % 2 == 0 ? shop.staffToken() : otherCounter;
            calls.add(() -> counter.redeem(token, code, shop.first()));
        }
        List<Reply> replies = Buying.inParallel(50, calls);

        assertEquals(
                1, replies.stream().filter(r -> r.status() == 201).count(), "exactly one counter redeems the coupon");
        for (Reply reply : replies) {
            if (reply.status() != 201) {
                assertEquals(409, reply.status(), reply::toString);
                assertEquals("already-redeemed", reply.problem());
                assertEquals("Counter Curry Mitte", reply.json().getString("storeName"));
                assertNotNull(reply.json().getString("redeemedAt"));
            }
        }
        assertEquals(
                List.of(List.of("REDEEMED", "1")),
                Buying.query(
                        "SELECT c.status, COUNT(e.id) FROM coupon c"
                                + " JOIN redemption_event e ON e.tenant_id = c.tenant_id AND e.coupon_id = c.id WHERE c.code = ? GROUP BY c.status",
                        CouponCode.parse(code).orElseThrow().stored()));
        JsonObject report = http.get(
                        "api/v1/deals/" + shop.dealId() + "/report",
                        shop.merchant().token())
                .json();
        assertEquals(1, report.getInt("redeemed"), "the deal report counts the redemption");
        assertEquals(
                shop.first(), report.getJsonArray("byStore").getJsonObject(0).getString("storeId"));
    }

    @Test
    void aLookupShowsTheCouponAndChangesNothingAndForgivesHowTheCodeIsTyped() throws Exception {
        String code = counter.coupons(shop.dealId(), 2).get(0);
        String typed = " "
                + code.replace("-", " ")
                        .toLowerCase(Locale.ROOT)
                        .replace('0', 'o')
                        .replace('1', 'l') + " ";
        Reply lookup = counter.lookup(shop.staffToken(), typed, shop.first());
        assertEquals(200, lookup.status(), lookup::toString);
        JsonObject coupon = lookup.json();
        assertTrue(coupon.getBoolean("redeemable"));
        assertEquals(code, coupon.getString("code"));
        assertEquals("ACTIVE", coupon.getString("status"));
        assertEquals("Counter Curry Lunch", coupon.getString("dealTitle"));
        assertEquals("Valid for one person.", coupon.getString("finePrint"));
        assertEquals(2, coupon.getInt("orderQuantity"));
        assertEquals(
                "ACTIVE",
                counter.lookup(shop.staffToken(), code, shop.first()).json().getString("status"),
                "nothing changed");

        Reply redeemed = counter.redeem(shop.staffToken(), typed, shop.first());
        assertEquals(201, redeemed.status(), redeemed::toString);
        assertEquals(code, redeemed.json().getString("code"));
        assertEquals("Sam Staff", redeemed.json().getString("staffName"));
        JsonObject again = counter.lookup(shop.staffToken(), code, shop.first()).json();
        assertFalse(again.getBoolean("redeemable"));
        assertEquals("already-redeemed", again.getString("reasonType"));
        assertTrue(
                again.getString("reason").startsWith("Already redeemed at Counter Curry Mitte on "), again::toString);
    }

    @Test
    void aCodeThatCannotBeRedeemedSaysWhyAndStaysAsItWas() throws Exception {
        List<String> codes = counter.coupons(shop.dealId(), 3);
        String wrongCheck = codes.get(0).substring(0, codes.get(0).length() - 1)
                + (codes.get(0).endsWith("0") ? "1" : "0");
        Reply invalid = counter.redeem(shop.staffToken(), wrongCheck, shop.first());
        assertEquals(422, invalid.status(), invalid::toString);
        assertEquals("invalid-code", invalid.problem());

        Reply notAssigned = counter.redeem(shop.staffToken(), codes.get(0), shop.second());
        assertEquals(403, notAssigned.status(), notAssigned::toString);
        assertEquals("store-not-assigned", notAssigned.problem());

        String refundedCode = codes.get(1);
        Reply refund = http.post("api/v1/coupons/" + refundedCode + "/refund", null, buyerOf(refundedCode));
        assertEquals(200, refund.status(), refund::toString);
        Reply refunded = counter.redeem(shop.staffToken(), refundedCode, shop.first());
        assertEquals(410, refunded.status(), refunded::toString);
        assertEquals("coupon-refunded", refunded.problem());

        String onlySecond = buying.dealOnSaleAt(shop.merchant(), "Second Store Samosa", shop.second());
        String elsewhere = counter.coupons(onlySecond, 1).get(0);
        Reply notEligible = counter.redeem(shop.staffToken(), elsewhere, shop.first());
        assertEquals(403, notEligible.status(), notEligible::toString);
        assertEquals("store-not-eligible", notEligible.problem());
        assertEquals(
                "store-not-eligible",
                counter.lookup(shop.staffToken(), elsewhere, shop.first())
                        .json()
                        .getString("reasonType"));
        assertEquals(
                201,
                counter.redeem(shop.merchant().token(), elsewhere, shop.second())
                        .status(),
                "the merchant admin redeems at any store of the business");

        String pendingDeal = buying.dealIdOnSale(shop.merchant(), "Pending Pakora", d -> d.add("minBuyers", 5));
        String pending = counter.coupons(pendingDeal, 1).get(0);
        Reply notTipped = counter.redeem(shop.staffToken(), pending, shop.first());
        assertEquals(409, notTipped.status(), notTipped::toString);
        assertEquals("deal-not-tipped", notTipped.problem());

        assertEquals(
                "ACTIVE",
                counter.lookup(shop.staffToken(), codes.get(0), shop.first())
                        .json()
                        .getString("status"));
        assertEquals(
                "PENDING",
                counter.lookup(shop.staffToken(), pending, shop.first()).json().getString("status"));
    }

    @Test
    void aRedemptionIsUndoneWithinTheWindowWithAReasonAndTheHistoryKeepsBoth() throws Exception {
        String code = counter.coupons(shop.dealId(), 1).get(0);
        String id = counter.redeem(shop.staffToken(), code, shop.first()).json().getString("id");

        Reply noReason = counter.undo(shop.staffToken(), id, " ");
        assertEquals(400, noReason.status(), noReason::toString);
        Reply undone = counter.undo(shop.staffToken(), id, "Wrong customer");
        assertEquals(204, undone.status(), undone::toString);
        assertEquals(
                "ACTIVE",
                counter.lookup(shop.staffToken(), code, shop.first()).json().getString("status"));
        Reply twice = counter.undo(shop.staffToken(), id, "Again");
        assertEquals(409, twice.status(), twice::toString);
        assertEquals("already-undone", twice.problem());

        String again =
                counter.redeem(shop.staffToken(), code, shop.first()).json().getString("id");
        List<JsonObject> today = counter.today(shop.staffToken(), shop.first())
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertEquals(
                List.of(again, id),
                today.stream().map(r -> r.getString("id")).toList(),
                "newest first, undone ones kept");
        assertEquals("Wrong customer", today.get(1).getString("undoReason"));
        assertEquals("Sam Staff", today.get(1).getString("undoneBy"));
        assertFalse(today.get(0).containsKey("undoneAt") && !today.get(0).isNull("undoneAt"));
        assertEquals(
                List.of(List.of("REDEEM", "2"), List.of("UNDO", "1")),
                Buying.query(
                        "SELECT kind, COUNT(*) FROM redemption_event"
                                + " WHERE tenant_id = ? GROUP BY kind ORDER BY kind",
                        shop.merchant().tenantId()),
                "append-only history");
    }

    @Test
    void afterTheUndoWindowARedemptionStays() throws Exception {
        Reply settings = http.put(
                "api/v1/settings",
                Json.createObjectBuilder()
                        .add("businessName", "Counter Curry")
                        .add("timeZone", "Europe/Berlin")
                        .add("undoWindowMinutes", 0)
                        .build()
                        .toString(),
                shop.merchant().token());
        assertEquals(200, settings.status(), settings::toString);
        assertEquals(0, settings.json().getInt("undoWindowMinutes"));
        String code = counter.coupons(shop.dealId(), 1).get(0);
        String id = counter.redeem(shop.staffToken(), code, shop.first()).json().getString("id");

        Reply late = counter.undo(shop.staffToken(), id, "Too late");
        assertEquals(409, late.status(), late::toString);
        assertEquals("undo-window-passed", late.problem());
        assertEquals(
                "REDEEMED",
                counter.lookup(shop.staffToken(), code, shop.first()).json().getString("status"));
    }

    @Test
    void anotherTenantsCodesAndRedemptionsAnswerLikeUnknownOnesAndStayUntouched() throws Exception {
        String code = counter.coupons(shop.dealId(), 1).get(0);
        String redeemedCode = counter.coupons(shop.dealId(), 1).get(0);
        String redemptionId = counter.redeem(shop.staffToken(), redeemedCode, shop.first())
                .json()
                .getString("id");
        Counter.Shop rival = counter.shop("Rival Ramen");
        String unknown = CouponCode.random(new SecureRandom()).printed();

        for (String token : List.of(rival.staffToken(), rival.merchant().token())) {
            Reply unknownLookup = counter.lookup(token, unknown, rival.first());
            assertEquals(404, unknownLookup.status(), unknownLookup::toString);
            assertEquals("unknown-coupon", unknownLookup.problem());
            for (Reply reply : List.of(
                    counter.lookup(token, code, rival.first()),
                    counter.redeem(token, code, rival.first()),
                    counter.redeem(token, redeemedCode, rival.first()))) {
                assertEquals(404, reply.status(), reply::toString);
                assertEquals(unknownLookup.json(), reply.json(), "exactly like an unknown code");
            }
            Reply unknownUndo = counter.undo(token, "01AAAAAAAAAAAAAAAAAAAAAAAA", "Mistake");
            Reply foreignUndo = counter.undo(token, redemptionId, "Mistake");
            assertEquals(404, foreignUndo.status(), foreignUndo::toString);
            assertEquals(unknownUndo.json(), foreignUndo.json(), "exactly like an unknown redemption");
            Reply foreignStore = counter.lookup(token, code, shop.first());
            assertEquals(403, foreignStore.status(), foreignStore::toString);
            assertEquals("store-not-assigned", foreignStore.problem());
        }
        assertEquals(
                "ACTIVE",
                counter.lookup(shop.staffToken(), code, shop.first()).json().getString("status"));
        assertEquals(1, counter.today(shop.staffToken(), shop.first()).json().getInt("total"));
        assertFalse(
                counter.today(shop.staffToken(), shop.first())
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .containsKey("undoneAt"),
                "the redemption was not undone");
        assertEquals(0, counter.today(rival.staffToken(), rival.first()).json().getInt("total"));
    }

    @Test
    void guessingCodesIsLimitedPerAccountAfterTenFailures() throws Exception {
        String code = counter.coupons(shop.dealId(), 1).get(0);
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 10; i++) {
            Reply guess =
                    counter.lookup(shop.staffToken(), CouponCode.random(random).printed(), shop.first());
            assertEquals(404, guess.status(), "guess " + (i + 1) + ": " + guess);
        }
        Reply limited =
                counter.lookup(shop.staffToken(), CouponCode.random(random).printed(), shop.first());
        assertEquals(429, limited.status(), limited::toString);
        assertEquals("rate-limited", limited.problem());
        long retryAfter =
                Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 300, "Retry-After " + retryAfter);
        assertEquals(429, counter.redeem(shop.staffToken(), code, shop.first()).status(), "a real code waits as well");

        String colleague = counter.staffAt(shop.merchant(), List.of(shop.first()));
        assertEquals(201, counter.redeem(colleague, code, shop.first()).status(), "the limit is per account");
    }

    @Test
    void aStaffMemberOfOneStoreMayLeaveTheStoreOutAndOneOfTwoStoresMayNot() throws Exception {
        List<String> codes = counter.coupons(shop.dealId(), 2);
        Reply atOwnStore = http.post(
                "api/v1/counter/redemptions",
                Json.createObjectBuilder().add("code", codes.get(0)).build().toString(),
                shop.staffToken());
        assertEquals(201, atOwnStore.status(), atOwnStore::toString);
        assertEquals(shop.first(), atOwnStore.json().getString("storeId"), "the staff member's one store");

        String twoStores = counter.staffAt(shop.merchant(), List.of(shop.first(), shop.second()));
        Reply which = http.post(
                "api/v1/counter/redemptions",
                Json.createObjectBuilder().add("code", codes.get(1)).build().toString(),
                twoStores);
        assertEquals(400, which.status(), which::toString);
        assertEquals(
                "ACTIVE",
                counter.lookup(shop.staffToken(), codes.get(1), shop.first())
                        .json()
                        .getString("status"),
                "nothing redeemed");
    }

    @Test
    void theSameIdempotencyKeyAnswersTheFirstRedemption() throws Exception {
        List<String> codes = counter.coupons(shop.dealId(), 2);
        String key = UUID.randomUUID().toString();
        Reply first = counter.redeem(shop.staffToken(), codes.get(0), shop.first(), key);
        Reply second = counter.redeem(shop.staffToken(), codes.get(0), shop.first(), key);
        assertEquals(201, first.status(), first::toString);
        assertEquals(201, second.status(), second::toString);
        assertEquals(first.json().getString("id"), second.json().getString("id"));
        Reply other = counter.redeem(shop.staffToken(), codes.get(1), shop.first(), key);
        assertEquals(422, other.status(), other::toString);
        assertEquals("idempotency-key-reused", other.problem());
        assertEquals(
                "ACTIVE",
                counter.lookup(shop.staffToken(), codes.get(1), shop.first())
                        .json()
                        .getString("status"));
    }

    @Test
    void parallelRequestsWithOneKeyGetOneAnswer() throws Exception {
        List<String> codes = counter.coupons(shop.dealId(), 3);
        String key = UUID.randomUUID().toString();
        List<Callable<Reply>> same = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            same.add(() -> counter.redeem(shop.staffToken(), codes.get(0), shop.first(), key));
        }
        List<Reply> replies = Buying.inParallel(20, same);
        for (Reply reply : replies) {
            assertEquals(201, reply.status(), "a request that lost the race replays, no 409: " + reply);
        }
        assertEquals(
                1,
                replies.stream().map(r -> r.json().getString("id")).distinct().count(),
                "every answer names the one redemption");

        // One key sent with two codes at once: one of them is redeemed, the other answered 422 (or the replay).
        String other = UUID.randomUUID().toString();
        List<Callable<Reply>> two = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String code = codes.get(1 + i % 2);
            two.add(() -> counter.redeem(shop.staffToken(), code, shop.first(), other));
        }
        List<Reply> mixed = Buying.inParallel(20, two);
        List<String> redeemed = mixed.stream()
                .filter(r -> r.status() == 201)
                .map(r -> r.json().getString("id"))
                .distinct()
                .toList();
        assertEquals(1, redeemed.size(), mixed::toString);
        for (Reply reply : mixed) {
            if (reply.status() != 201) {
                assertEquals(422, reply.status(), reply::toString);
                assertEquals("idempotency-key-reused", reply.problem());
            }
        }
        assertEquals(
                List.of(List.of("1")),
                Buying.query(
                        "SELECT COUNT(*) FROM coupon WHERE tenant_id = ? AND code IN (?, ?) AND status = 'REDEEMED'",
                        shop.merchant().tenantId(),
                        CouponCode.parse(codes.get(1)).orElseThrow().stored(),
                        CouponCode.parse(codes.get(2)).orElseThrow().stored()),
                "the key redeemed one of the two coupons");
        assertEquals(
                List.of(List.of("1"), List.of("1")),
                Buying.query(
                        "SELECT COUNT(*) FROM redemption_event WHERE tenant_id = ? AND idempotency_key IN (?, ?)"
                                + " GROUP BY idempotency_key",
                        shop.merchant().tenantId(),
                        key,
                        other),
                "one event per key");
    }

    @Test
    void theKeyOfAnUndoneRedemptionAnswersItAndRedeemsNothing() throws Exception {
        String code = counter.coupons(shop.dealId(), 1).get(0);
        String key = UUID.randomUUID().toString();
        Reply first = counter.redeem(shop.staffToken(), code, shop.first(), key);
        assertEquals(201, first.status(), first::toString);
        String id = first.json().getString("id");
        assertEquals(204, counter.undo(shop.staffToken(), id, "Wrong customer").status());

        Reply again = counter.redeem(shop.staffToken(), code, shop.first(), key);
        assertEquals(201, again.status(), again::toString);
        assertEquals(id, again.json().getString("id"));
        assertEquals("Wrong customer", again.json().getString("undoReason"), again::toString);
        assertEquals(
                "ACTIVE",
                counter.lookup(shop.staffToken(), code, shop.first()).json().getString("status"),
                "the replay redeemed nothing");
        Reply fresh = counter.redeem(
                shop.staffToken(), code, shop.first(), UUID.randomUUID().toString());
        assertEquals(201, fresh.status(), fresh::toString);
        assertNotEquals(id, fresh.json().getString("id"));
    }

    private String buyerOf(String code) throws Exception {
        List<List<String>> rows = Buying.query(
                "SELECT a.email FROM coupon c JOIN account a ON a.id = c.buyer_id WHERE c.code = ?",
                CouponCode.parse(code).orElseThrow().stored());
        return fixtures.token(rows.get(0).get(0), Fixtures.PASSWORD);
    }
}
