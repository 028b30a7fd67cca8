package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.devserver.ItDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The counter's fast path keeps its rules: authentication in one statement with no cache still refuses a revoked
 * token, a removed staff member and a suspended merchant at the very next request; the day's list answers every row
 * with its own staff member, store and undo deadline from the business's current window; and a redemption costs the
 * database a bounded number of requests (counted as the bench counts them, from MariaDB's {@code Questions}).
 */
// Alone, no other test class alongside: it counts MariaDB's global Questions: every other test's query would count.
@Isolated
class CounterFastPathIT extends DeployedApp {

    /**
     * Auth 1, the checks (with the key's earlier use), START TRANSACTION, the update (which marks the coupon's hours
     * for the dashboard), the event (which holds the key), COMMIT: 6 (it was 7 in a JTA transaction, 9 and 17 before).
     */
    private static final int MAX_REQUESTS_PER_REDEMPTION = 6;

    private Counter.Shop shop;

    @BeforeEach
    void setUp() throws Exception {
        shop = counter.shop("Fast Falafel");
    }

    @Test
    void aRevokedTokenARemovedStaffMemberAndASuspendedMerchantAreRefusedAtTheNextRequest() throws Exception {
        List<String> codes = counter.coupons(shop.dealId(), 3);
        String operator = fixtures.token(Fixtures.DEMO_OPERATOR, Fixtures.DEMO_PASSWORD);
        assertEquals(
                201,
                counter.redeem(shop.staffToken(), codes.get(0), shop.first()).status());

        Reply suspended =
                http.post("api/v1/platform/tenants/" + shop.merchant().tenantId() + "/suspend", null, operator);
        assertEquals(200, suspended.status(), suspended::toString);
        Reply whileSuspended = counter.redeem(shop.staffToken(), codes.get(1), shop.first());
        assertEquals(401, whileSuspended.status(), whileSuspended::toString);
        assertEquals("invalid-token", whileSuspended.problem());
        assertEquals(401, counter.today(shop.merchant().token(), shop.first()).status(), "the admin's token too");
        assertEquals(
                200,
                http.post("api/v1/platform/tenants/" + shop.merchant().tenantId() + "/activate", null, operator)
                        .status());
        assertEquals(
                201,
                counter.redeem(shop.staffToken(), codes.get(1), shop.first()).status(),
                "active again");

        JsonObject staff = fixtures.newStaff(shop.merchant().token(), List.of(shop.first()));
        String removedToken = fixtures.token(staff.getString("email"), Fixtures.PASSWORD);
        assertEquals(200, counter.today(removedToken, shop.first()).status());
        assertEquals(
                204,
                http.delete(
                                "api/v1/staff/" + staff.getString("id"),
                                shop.merchant().token())
                        .status());
        Reply removed = counter.redeem(removedToken, codes.get(2), shop.first());
        assertEquals(401, removed.status(), removed::toString);

        String loggedOut = counter.staffAt(shop.merchant(), List.of(shop.first()));
        assertEquals(200, counter.today(loggedOut, shop.first()).status());
        assertEquals(204, http.delete("api/v1/auth/tokens/current", loggedOut).status());
        assertEquals(401, counter.redeem(loggedOut, codes.get(2), shop.first()).status());
        assertEquals(401, http.get("api/v1/me", loggedOut).status());

        assertEquals(
                List.of(List.of("ACTIVE")),
                Buying.query(
                        "SELECT status FROM coupon WHERE tenant_id = ? AND code = ?",
                        shop.merchant().tenantId(),
                        io.groupdeal.domain.coupon.CouponCode.parse(codes.get(2))
                                .orElseThrow()
                                .stored()),
                "nothing was redeemed by a refused token");
    }

    @Test
    void theDaysListShowsEachRedemptionWithItsOwnStaffStoreAndTheCurrentUndoWindow() throws Exception {
        String jo = namedStaff("Jo Counter", List.of(shop.first(), shop.second()));
        String kim = namedStaff("Kim Counter", List.of(shop.second()));
        List<String> codes = coupons(6);
        Map<String, String[]> made = new TreeMap<>(); // redemption id -> {staff name, store id, code}
        String[][] who = {
            {jo, "Jo Counter", shop.first()},
            {kim, "Kim Counter", shop.second()},
            {jo, "Jo Counter", shop.second()},
            {shop.staffToken(), "Sam Staff", shop.first()},
            {shop.merchant().token(), "Merchant Admin", shop.second()},
            {kim, "Kim Counter", shop.second()}
        };
        for (int i = 0; i < codes.size(); i++) {
            Reply r = counter.redeem(who[i][0], codes.get(i), who[i][2]);
            assertEquals(201, r.status(), r::toString);
            JsonObject body = r.json();
            assertEquals(who[i][2], body.getString("storeId"));
            assertEquals(
                    Instant.parse(body.getString("redeemedAt")).plus(Duration.ofMinutes(10)),
                    Instant.parse(body.getString("undoableUntil")),
                    "the default window of 10 minutes");
            made.put(body.getString("id"), new String[] {body.getString("staffName"), who[i][2], body.getString("code")
            });
            if (!who[i][1].equals("Merchant Admin")) {
                assertEquals(who[i][1], body.getString("staffName"));
            }
        }

        Reply settings = http.put(
                "api/v1/settings",
                Json.createObjectBuilder()
                        .add("businessName", "Fast Falafel")
                        .add("timeZone", "Europe/Berlin")
                        .add("undoWindowMinutes", 25)
                        .build()
                        .toString(),
                shop.merchant().token());
        assertEquals(200, settings.status(), settings::toString);

        int listed = 0;
        for (String store : List.of(shop.first(), shop.second())) {
            Reply today = counter.today(shop.merchant().token(), store);
            assertEquals(200, today.status(), today::toString);
            List<JsonObject> items = today.json().getJsonArray("items").getValuesAs(JsonObject.class);
            for (JsonObject item : items) {
                String[] expected = made.get(item.getString("id"));
                assertEquals(expected[0], item.getString("staffName"), item::toString);
                assertEquals(expected[1], item.getString("storeId"), item::toString);
                assertEquals(store, item.getString("storeId"));
                assertEquals(
                        store.equals(shop.first()) ? "Fast Falafel Mitte" : "Fast Falafel Neukölln",
                        item.getString("storeName"));
                assertEquals(expected[2], item.getString("code"));
                assertEquals("Fast Falafel Lunch", item.getString("dealTitle"));
                assertEquals(
                        Instant.parse(item.getString("redeemedAt")).plus(Duration.ofMinutes(25)),
                        Instant.parse(item.getString("undoableUntil")),
                        "the window as the business set it a moment ago");
                listed++;
            }
        }
        assertEquals(6, listed, "every redemption at its own store");
    }

    @Test
    void aRedemptionTakesAtMostSixDatabaseRequests() throws Exception {
        List<String> codes = coupons(12);
        // Timers of the shared server (deal clock, mail, payment tasks) add requests now and then: the fewest of a
        // dozen redemptions is the redemption's own count.
        List<Long> counts = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(System.getProperty(ItDatabase.URL_PROPERTY), "deal", "deal")) {
            for (String code : codes) {
                awaitQuiet(db);
                long before = questions(db);
                Reply r = counter.redeem(
                        shop.staffToken(), code, shop.first(), UUID.randomUUID().toString());
                long after = questions(db);
                assertEquals(201, r.status(), r::toString);
                counts.add(after - before - 1); // the second SHOW STATUS counts itself
            }
        }
        long fewest = counts.stream().mapToLong(Long::longValue).min().orElseThrow();
        System.out.println("CounterFastPathIT: database requests per redemption: " + counts);
        assertTrue(fewest <= MAX_REQUESTS_PER_REDEMPTION, "database requests per redemption: " + counts);
    }

    /** Codes of the shop's deal, bought by as many buyers as its limit of 4 per buyer needs. */
    private List<String> coupons(int count) {
        List<String> codes = new ArrayList<>();
        while (codes.size() < count) {
            codes.addAll(counter.coupons(shop.dealId(), Math.min(4, count - codes.size())));
        }
        return codes;
    }

    /** A staff member with a name of its own at the stores, logged in: the token. */
    private String namedStaff(String name, List<String> storeIds) {
        var stores = Json.createArrayBuilder();
        storeIds.forEach(stores::add);
        String email = Fixtures.uniqueEmail("staff");
        Reply reply = http.post(
                "api/v1/staff",
                Json.createObjectBuilder()
                        .add("email", email)
                        .add("name", name)
                        .add("password", Fixtures.PASSWORD)
                        .add("storeIds", stores)
                        .build()
                        .toString(),
                shop.merchant().token());
        assertEquals(201, reply.status(), reply::toString);
        return fixtures.token(email, Fixtures.PASSWORD);
    }

    /**
     * Waits, at most 10 s, for 200 ms in which the database answered nothing but this probe. Work that earlier test
     * classes left to the shared server's timers (mails to send, summaries to bring up to date) then does not count
     * in the next redemption, as it did in a CI run (12 redemptions, none below 27 requests).
     */
    private static void awaitQuiet(Connection db) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long last = questions(db);
        while (System.nanoTime() < deadline) {
            Thread.sleep(200);
            long now = questions(db);
            if (now - last <= 1) { // the probe itself
                return;
            }
            last = now;
        }
    }

    private static long questions(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            r.next();
            return r.getLong(2);
        }
    }
}
