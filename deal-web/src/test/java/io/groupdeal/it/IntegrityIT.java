package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * What must hold on a bad day, against the real database: deleting a store never widens a deal (refused while a deal
 * needs it, archived when only history names it, and the database refuses it whatever runs in parallel); a new
 * commission rate never rewrites a past statement, and the operator's statement lists every tenant; an undo never
 * revives a coupon of a cancelled deal, even racing the cancellation, and the ledger always matches the coupons.
 */
@org.junit.jupiter.api.extension.ExtendWith(LedgerAgrees.class)
// Alone, no other test class alongside: it counts every tenant and adds a thousand for a while: the operator's
// statement must list exactly those.
@Isolated
class IntegrityIT extends DeployedApp {

    @Test
    void deletingAStoreNeverWidensADeal() throws Exception {
        Counter.Shop shop = counter.shop("Integrity Ramen");
        String admin = shop.merchant().token();
        String limited = buying.dealOnSaleAt(shop.merchant(), "Ramen at Mitte only", shop.first());
        String code = counter.coupons(limited, 1).get(0);

        Reply refused = http.delete("api/v1/stores/" + shop.first(), admin);
        assertEquals(409, refused.status(), refused::toString);
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("store-in-use", refused.problem());
        assertTrue(refused.json().getString("detail").contains("Ramen at Mitte only"), refused::toString);
        List<JsonObject> named = refused.json().getJsonArray("deals").getValuesAs(JsonObject.class);
        assertTrue(
                named.stream()
                        .anyMatch(d -> d.getString("id").equals(limited)
                                && d.getString("title").equals("Ramen at Mitte only")),
                refused::toString);
        assertEquals(
                200, http.get("api/v1/stores/" + shop.first(), admin).status(), "a refused delete changes nothing");
        assertEquals(
                List.of(shop.first()),
                storeIds(http.get("api/v1/deals/" + limited, admin).json()));
        JsonObject elsewhere = counter.lookup(admin, code, shop.second()).json();
        assertFalse(elsewhere.getBoolean("redeemable"), "the coupon stays valid only at its store: " + elsewhere);

        // The database itself refuses: no cascade empties a deal's store list, whatever runs in parallel.
        assertThrows(
                SQLException.class,
                () -> Buying.update(
                        "DELETE FROM store WHERE tenant_id = ? AND id = ?",
                        shop.merchant().tenantId(),
                        shop.first()));

        // A draft names a store too: deleting it would make the draft valid everywhere once published.
        String draftStore =
                fixtures.newStore(admin, "Integrity Ramen Draft Corner").getString("id");
        String draft = fixtures.newDeal(
                        admin,
                        Fixtures.deal(
                                "Draft at the corner",
                                Instant.now(),
                                Instant.now().plusSeconds(86_400),
                                List.of(draftStore)))
                .getString("id");
        Reply draftRefused = http.delete("api/v1/stores/" + draftStore, admin);
        assertEquals(409, draftRefused.status(), draftRefused::toString);
        assertEquals(
                draft,
                draftRefused.json().getJsonArray("deals").getJsonObject(0).getString("id"));

        // Only history names it (a cancelled deal whose one coupon was used there): archived, not deleted.
        String pastStore = fixtures.newStore(admin, "Integrity Ramen Old Town").getString("id");
        String past = buying.dealOnSaleAt(shop.merchant(), "Old Town farewell", pastStore);
        String used = counter.coupons(past, 1).get(0);
        assertEquals(201, counter.redeem(admin, used, pastStore).status());
        assertEquals(409, http.delete("api/v1/stores/" + pastStore, admin).status(), "the deal is still on sale");
        assertEquals(
                200, http.post("api/v1/deals/" + past + "/cancel", null, admin).status());
        Reply archived = http.delete("api/v1/stores/" + pastStore, admin);
        assertEquals(204, archived.status(), archived::toString);
        assertEquals(404, http.get("api/v1/stores/" + pastStore, admin).status());
        assertEquals(404, http.delete("api/v1/stores/" + pastStore, admin).status());
        assertFalse(
                http.get("api/v1/stores?size=100", admin).body().contains(pastStore),
                "an archived store leaves the list");
        assertEquals(
                List.of(pastStore),
                storeIds(http.get("api/v1/deals/" + past, admin).json()),
                "the past deal keeps its list");
        assertEquals(
                1,
                Buying.query("SELECT 1 FROM store WHERE id = ? AND archived_at IS NOT NULL", pastStore)
                        .size());
        JsonObject history = counter.lookup(admin, used, shop.first()).json();
        assertTrue(history.toString().contains("Integrity Ramen Old Town"), "the history still names it: " + history);
        Reply reuse = http.post(
                "api/v1/deals",
                Fixtures.deal(
                                "New at the old town",
                                Instant.now(),
                                Instant.now().plusSeconds(86_400),
                                List.of(pastStore))
                        .build()
                        .toString(),
                admin);
        assertTrue(reuse.status() == 400 || reuse.status() == 422, reuse::toString);
        Reply staffThere =
                http.post("api/v1/staff", Fixtures.staff(Fixtures.uniqueEmail("old"), List.of(pastStore)), admin);
        assertTrue(staffThere.status() == 400 || staffThere.status() == 422, staffThere::toString);
        assertEquals(
                403,
                counter.redeem(admin, counter.coupons(shop.dealId(), 1).get(0), pastStore)
                        .status(),
                "nobody redeems at an archived store");

        // Nothing ever named it: deleted for good. Another tenant's store answers like a missing one.
        String unused = fixtures.newStore(admin, "Integrity Ramen Pop-up").getString("id");
        Counter.Shop rival = counter.shop("Integrity Rival");
        assertEquals(
                404,
                http.delete("api/v1/stores/" + unused, rival.merchant().token()).status());
        assertEquals(
                404,
                http.delete("api/v1/stores/" + shop.first(), rival.merchant().token())
                        .status());
        assertEquals(204, http.delete("api/v1/stores/" + unused, admin).status());
        assertEquals(0, Buying.query("SELECT 1 FROM store WHERE id = ?", unused).size());
    }

    @Test
    void aNewCommissionRateNeverRewritesThePastAndEveryTenantIsSettled() throws Exception {
        Counter.Shop shop = counter.shop("Integrity Bakery");
        String admin = shop.merchant().token();
        String operator = fixtures.token(Fixtures.DEMO_OPERATOR, Fixtures.DEMO_PASSWORD);
        List<String> codes = counter.coupons(shop.dealId(), 3);
        assertEquals(201, counter.redeem(admin, codes.get(0), shop.first()).status());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String period = "?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        List<JsonObject> before = http.get("api/v1/settlements" + period, admin)
                .json()
                .getJsonArray("lines")
                .getValuesAs(JsonObject.class);
        assertEquals(1, before.size(), before::toString);
        assertLine(before.get(0), 1, "19.90", "0.1000", "1.99", "17.91");

        assertEquals(
                200,
                http.put(
                                "api/v1/platform/tenants/" + shop.merchant().tenantId(),
                                "{\"commissionRate\":\"0.2\"}",
                                operator)
                        .status());
        assertEquals(
                before,
                http.get("api/v1/settlements" + period, admin)
                        .json()
                        .getJsonArray("lines")
                        .getValuesAs(JsonObject.class),
                "a new rate does not change what was redeemed before it");
        assertEquals(201, counter.redeem(admin, codes.get(1), shop.second()).status());
        assertEquals(201, counter.redeem(admin, codes.get(2), shop.first()).status());

        JsonObject statement = http.get("api/v1/settlements" + period, admin).json();
        List<JsonObject> lines = statement.getJsonArray("lines").getValuesAs(JsonObject.class);
        assertEquals(2, lines.size(), statement::toString);
        assertLine(lines.get(0), 1, "19.90", "0.1000", "1.99", "17.91");
        assertLine(lines.get(1), 2, "39.80", "0.2000", "7.96", "31.84");
        String csv = http.get("api/v1/settlements.csv" + period, admin).body();
        assertTrue(
                csv.contains(",EUR,1,19.90,0.1000,1.99,17.91\r\n")
                        && csv.contains(",EUR,2,39.80,0.2000,7.96,31.84\r\n"),
                csv);
        assertEquals(
                List.of(List.of("0.1000"), List.of("0.2000")),
                Buying.query(
                        "SELECT rate FROM commission_rate WHERE tenant_id = ?" + " ORDER BY effective_from",
                        shop.merchant().tenantId()),
                "the history keeps every rate, the current one included");

        // More than a thousand tenants: the operator's statement lists every one of them (older ones last).
        int bulk = 1_050;
        Buying.update(
                "INSERT INTO tenant (id, business_name, status, commission_rate, time_zone, undo_window_minutes, created_at)"
                        + " SELECT CONCAT('0ZZZZ', LPAD(seq, 21, '0')), CONCAT('Bulk business ', seq), 'ACTIVE', 0.1, 'UTC', 10,"
                        + " TIMESTAMP('2020-01-01') - INTERVAL seq SECOND FROM seq_1_to_" + bulk);
        try {
            long tenants = Long.parseLong(
                    Buying.query("SELECT COUNT(*) FROM tenant").get(0).get(0));
            assertTrue(tenants > 1_000, "tenants: " + tenants);
            List<JsonObject> items = http.get("api/v1/platform/settlements" + period, operator)
                    .json()
                    .getJsonArray("items")
                    .getValuesAs(JsonObject.class);
            assertEquals(tenants, items.size());
            assertEquals(
                    tenants,
                    items.stream().map(i -> i.getString("tenantId")).distinct().count(),
                    "no tenant twice");
            assertEquals(
                    "Bulk business " + bulk,
                    items.get(items.size() - 1).getString("businessName"),
                    "the oldest comes last");
            JsonObject mine = items.stream()
                    .filter(i -> i.getString("tenantId").equals(shop.merchant().tenantId()))
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    statement.getJsonArray("lines"), mine.getJsonArray("lines"), "the operator sees the same lines");
            String all = http.get("api/v1/platform/settlements.csv" + period, operator)
                    .body();
            assertTrue(
                    all.contains(",EUR,2,39.80,0.2000,7.96,31.84\r\n"), all.substring(0, Math.min(all.length(), 2000)));
            assertTrue(all.startsWith("tenant_id,business_name,from,to,currency"), "the header once, first");
            Reply bad = http.get("api/v1/platform/settlements?from=2026-13-01&to=2026-01-01", operator);
            assertEquals(400, bad.status(), bad::toString);
            assertEquals("application/problem+json", bad.contentType());
        } finally {
            Buying.update("DELETE FROM tenant WHERE id LIKE '0ZZZZ%'");
        }
    }

    @Test
    void anUndoNeverRevivesACouponOfACancelledDeal() throws Exception {
        Counter.Shop shop = counter.shop("Integrity Noodles");
        String admin = shop.merchant().token();

        // After the cancellation has been settled: refused, the coupon stays redeemed, nothing is owed.
        String late = buying.dealIdOnSale(shop.merchant(), "Noodles cancelled", d -> {});
        String code = counter.coupons(late, 1).get(0);
        String redemption =
                counter.redeem(shop.staffToken(), code, shop.first()).json().getString("id");
        assertEquals(
                200, http.post("api/v1/deals/" + late + "/cancel", null, admin).status());
        awaitSettled(List.of(late));
        Reply undo = counter.undo(shop.staffToken(), redemption, "Scanned by mistake");
        assertEquals(409, undo.status(), undo::toString);
        assertEquals("application/problem+json", undo.contentType());
        assertEquals("deal-cancelled", undo.problem());
        assertEquals("REDEEMED", couponOf(redemption));

        // The race: the cancellation and the undo at the same moment, many times. One is first, never both half.
        int rounds = 20;
        List<String[]> races = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            String deal = buying.dealIdOnSale(shop.merchant(), "Noodle race " + i, d -> {});
            Reply order = buying.buy(fixtures.buyer(), deal, 2);
            assertEquals(201, order.status(), order::toString);
            String redeemed =
                    order.json().getJsonArray("coupons").getJsonObject(0).getString("code");
            races.add(new String[] {
                deal,
                order.json().getString("id"),
                counter.redeem(shop.staffToken(), redeemed, shop.first()).json().getString("id")
            });
        }
        List<Integer> undone = new ArrayList<>();
        for (String[] race : races) {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Callable<Reply>> both = List.of(
                    () -> {
                        together.await();
                        return http.post("api/v1/deals/" + race[0] + "/cancel", null, admin);
                    },
                    () -> {
                        together.await();
                        return counter.undo(shop.staffToken(), race[2], "Wrong customer");
                    });
            List<Reply> replies = Buying.inParallel(2, both);
            assertEquals(200, replies.get(0).status(), replies.get(0)::toString);
            int status = replies.get(1).status();
            assertTrue(status == 204 || status == 409, replies.get(1)::toString);
            if (status == 409) {
                assertEquals("deal-cancelled", replies.get(1).problem());
            }
            undone.add(status);
        }
        awaitSettled(races.stream().map(r -> r[0]).toList());
        for (int i = 0; i < rounds; i++) {
            String[] race = races.get(i);
            String coupon = couponOf(race[2]);
            assertEquals(
                    undone.get(i) == 204 ? "VOID" : "REDEEMED",
                    coupon,
                    "round " + i
                            + ": undone first, the cancellation refunds the coupon; cancelled first, it stays redeemed");
            assertEquals(
                    0,
                    Buying.query("SELECT 1 FROM coupon WHERE order_id = ? AND status IN ('ACTIVE', 'PENDING')", race[1])
                            .size(),
                    "round " + i + ": no usable coupon on a cancelled deal");
            BigDecimal kept = money(
                    "SELECT COALESCE(SUM(price), 0) FROM coupon WHERE order_id = ? AND status = 'REDEEMED'", race[1]);
            BigDecimal charged = money(
                    "SELECT COALESCE(SUM(captured - refunded), 0) FROM sandbox_payment WHERE payment_key = ?", race[1]);
            assertEquals(
                    0,
                    kept.compareTo(charged),
                    "round " + i + ": the ledger keeps exactly the used coupons' money: " + charged + " vs " + kept);
        }
    }

    private static void awaitSettled(List<String> deals) throws Exception {
        String marks = String.join(",", java.util.Collections.nCopies(deals.size(), "?"));
        for (int i = 0; i < 120; i++) {
            if (Buying.query(
                            "SELECT 1 FROM deal WHERE id IN (" + marks
                                    + ") AND (settlement_due OR status <> 'CANCELLED')",
                            deals.toArray())
                    .isEmpty()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the cancelled deals were not settled within 30 s");
    }

    private static String couponOf(String redemptionId) throws SQLException {
        return Buying.query(
                        "SELECT c.status FROM redemption_event r JOIN coupon c ON c.tenant_id = r.tenant_id AND c.id = r.coupon_id"
                                + " WHERE r.id = ?",
                        redemptionId)
                .get(0)
                .get(0);
    }

    private static BigDecimal money(String sql, String orderId) throws SQLException {
        return new BigDecimal(Buying.query(sql, orderId).get(0).get(0));
    }

    private static List<String> storeIds(JsonObject deal) {
        return deal.getJsonArray("storeIds").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static void assertLine(
            JsonObject line, int count, String gross, String rate, String commission, String net) {
        assertEquals("EUR", line.getString("currency"), line::toString);
        assertEquals(count, line.getInt("redeemedCount"), line::toString);
        assertEquals(gross, line.getString("grossValue"), line::toString);
        assertEquals(rate, line.getString("commissionRate"), line::toString);
        assertEquals(commission, line.getString("commission"), line::toString);
        assertEquals(net, line.getString("net"), line::toString);
    }
}
