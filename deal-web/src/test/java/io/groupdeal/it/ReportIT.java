package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The dashboard, the deal report, their CSVs and the settlement statement from one scripted history in a tenant
 * whose days are New York's: sales on several days (two of them on a UTC day that is still the day before in New
 * York, and one on each side of the period), redemptions at two stores, a refund, an undone redemption, reviews and
 * a deal waiting to tip. Every figure is written out by hand below; the CSV says the same as the JSON.
 */
@org.junit.jupiter.api.extension.ExtendWith(LedgerAgrees.class)
// Alongside other test classes (see deal-web's POM); its own tests one after another.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("ReportIT")
class ReportIT extends DeployedApp {

    private static final String PERIOD = "?from=2026-10-01&to=2026-10-10";

    @Test
    void aScriptedHistoryGivesExactlyTheExpectedFigures() throws Exception {
        Counter.Shop shop = counter.shop("Ledger Lamen");
        String admin = shop.merchant().token();
        String tenant = shop.merchant().tenantId();
        assertEquals(
                200,
                http.put(
                                "api/v1/settings",
                                Json.createObjectBuilder()
                                        .add("businessName", "Ledger Lamen")
                                        .add("timeZone", "America/New_York")
                                        .add("undoWindowMinutes", 10)
                                        .build()
                                        .toString(),
                                admin)
                        .status());
        String operator = fixtures.token(Fixtures.DEMO_OPERATOR, Fixtures.DEMO_PASSWORD);
        assertEquals(
                200,
                http.put("api/v1/platform/tenants/" + tenant, "{\"commissionRate\":\"0.155\"}", operator)
                        .status());
        // The history below is played in October; the rate's history moves back with it (a statement charges each
        // redemption the rate in force at its moment), so the 15.5 % applies from before the first sale.
        Buying.update(
                "UPDATE commission_rate SET effective_from = effective_from - INTERVAL 1 YEAR WHERE tenant_id = ?",
                tenant);
        String ramen = shop.dealId(); // EUR 19.90
        String gyoza = buying.dealIdOnSale(shop.merchant(), "Ledger Gyoza", d -> d.add("price", "7.25"));
        buying.dealOnSale(shop.merchant(), "Ledger Banquet", d -> d.add("minBuyers", 50));

        // Sales, each moved to its moment (UTC; New York is UTC-4 in October).
        Fixtures.Person anna = fixtures.buyer();
        List<String> annas = codes(buying.buy(anna, ramen, 3)); // Oct 3, 10:00 in New York
        Fixtures.Person ben = fixtures.buyer();
        List<String> bens = codes(buying.buy(ben, ramen, 2)); // Oct 4 03:30 UTC = Oct 3, 23:30 in New York
        Fixtures.Person cleo = fixtures.buyer();
        List<String> cleos = codes(buying.buy(cleo, gyoza, 2)); // Oct 5; one refunded later
        List<String> late = counter.coupons(ramen, 1); // Oct 11 03:00 UTC = Oct 10, 23:00: inside
        List<String> early = counter.coupons(ramen, 1); // Oct 1 03:00 UTC = Sep 30, 23:00: outside
        sold(tenant, annas, "2026-10-03 14:00:00");
        sold(tenant, bens, "2026-10-04 03:30:00");
        sold(tenant, cleos, "2026-10-05 16:00:00");
        sold(tenant, late, "2026-10-11 03:00:00");
        sold(tenant, early, "2026-10-01 03:00:00");
        assertEquals(
                200,
                http.post("api/v1/coupons/" + cleos.get(1) + "/refund", null, cleo.token())
                        .status());

        // Redemptions: three of the ramen (two at the first store, one at the second), one of the gyoza at the second,
        // and one more that is undone.
        for (String code : List.of(annas.get(0), annas.get(1))) {
            assertEquals(201, counter.redeem(admin, code, shop.first()).status());
        }
        assertEquals(201, counter.redeem(admin, bens.get(0), shop.second()).status());
        assertEquals(201, counter.redeem(admin, cleos.get(0), shop.second()).status());
        String undone = counter.redeem(admin, bens.get(1), shop.first()).json().getString("id");
        assertEquals(204, counter.undo(admin, undone, "Wrong coupon").status());
        redeemed(tenant, List.of(annas.get(0), annas.get(1)), "2026-10-06 15:00:00");
        redeemed(tenant, List.of(bens.get(0)), "2026-10-07 02:00:00"); // Oct 6, 22:00 in New York
        redeemed(tenant, List.of(cleos.get(0)), "2026-10-08 12:00:00");

        // Reviews of two redeemed coupons, written on Oct 7 (New York).
        assertEquals(201, review(anna.token(), annas.get(0), 4).status());
        assertEquals(201, review(ben.token(), bens.get(0), 5).status());
        Buying.update("UPDATE review SET created_at = '2026-10-07 18:00:00' WHERE tenant_id = ?", tenant);

        JsonObject dashboard = http.get("api/v1/dashboard" + PERIOD, admin).json();
        assertEquals("America/New_York", dashboard.getString("timeZone"));
        assertEquals(8, dashboard.getInt("sold"), dashboard::toString);
        assertEquals(1, dashboard.getInt("refunded"));
        assertEquals("EUR", dashboard.getString("currency"));
        assertEquals(
                "126.65",
                dashboard.getString("revenue"),
                "six ramen at 19.90 and one gyoza at 7.25; the refunded one not");
        assertEquals(4, dashboard.getInt("redeemed"), "the undone redemption does not count");
        assertEquals("0.5714", dashboard.getString("redemptionRate"), "4 of the 7 coupons sold and not refunded");
        assertEquals("4.50", dashboard.getString("averageRating"));
        assertEquals(2, dashboard.getInt("reviewCount"));
        assertEquals(3, dashboard.getInt("dealsOnSale"));
        assertEquals(1, dashboard.getInt("dealsWaitingToTip"));

        Map<String, JsonObject> days = dashboard.getJsonArray("byDay").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(d -> d.getString("date"), d -> d));
        assertEquals(10, days.size(), "every day of the period, empty ones too");
        assertDay(days.get("2026-10-03"), 5, "99.50", 0);
        assertDay(days.get("2026-10-04"), 0, "0.00", 0);
        assertDay(days.get("2026-10-05"), 2, "7.25", 0);
        assertDay(days.get("2026-10-06"), 0, "0.00", 3);
        assertDay(days.get("2026-10-08"), 0, "0.00", 1);
        assertDay(days.get("2026-10-10"), 1, "19.90", 0);
        assertEquals(8, days.values().stream().mapToInt(d -> d.getInt("sold")).sum());
        assertEquals(
                4, days.values().stream().mapToInt(d -> d.getInt("redeemed")).sum());

        List<JsonObject> stores = dashboard.getJsonArray("byStore").getValuesAs(JsonObject.class);
        assertEquals(
                List.of(shop.first(), shop.second()),
                stores.stream().map(s -> s.getString("storeId")).toList());
        assertEquals(
                List.of(2, 2), stores.stream().map(s -> s.getInt("redeemed")).toList());
        assertEquals("Ledger Lamen Mitte", stores.get(0).getString("storeName"));

        List<JsonObject> top = dashboard.getJsonArray("topDeals").getValuesAs(JsonObject.class);
        assertEquals(2, top.size(), "the banquet sold nothing");
        assertTopDeal(top.get(0), ramen, 6, "119.40", 3);
        assertTopDeal(top.get(1), gyoza, 2, "7.25", 1);

        // The CSV says the same.
        String[] csv = http.get("api/v1/dashboard.csv" + PERIOD, admin).body().split("\r\n");
        assertEquals("section,key,name,currency,sold,revenue,redeemed,refunded,redemption_rate,average_rating", csv[0]);
        assertEquals("total,,\"America/New_York\",EUR,8,126.65,4,1,0.5714,4.50", csv[1]);
        assertTrue(Arrays.asList(csv).contains("day,2026-10-03,,EUR,5,99.50,0,,,"), () -> String.join("\n", csv));
        assertTrue(Arrays.asList(csv).contains("store," + shop.first() + ",\"Ledger Lamen Mitte\",,,,2,,,"));
        assertTrue(Arrays.asList(csv).contains("deal," + ramen + ",\"Ledger Lamen Lunch\",EUR,6,119.40,3,,,"));
        assertEquals(
                1 + 1 + 1 + 10 + 2 + 2, csv.length, "header, total, one currency, ten days, two stores, two deals");

        // The deal report counts the same coupons (all time, in New York's days).
        JsonObject report = http.get("api/v1/deals/" + ramen + "/report", admin).json();
        assertEquals(7, report.getInt("sold"), "the one sold before the period too");
        assertEquals("139.30", report.getString("revenue"));
        assertEquals(3, report.getInt("redeemed"));
        assertEquals(0, report.getInt("refunded"));
        assertEquals("0.4286", report.getString("redemptionRate"));
        Map<String, JsonObject> reportDays = report.getJsonArray("byDay").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(d -> d.getString("date"), d -> d));
        assertEquals(
                5, reportDays.get("2026-10-03").getInt("sold"), "New York's Oct 3, though two were sold on Oct 4 UTC");
        assertEquals(3, reportDays.get("2026-10-06").getInt("redeemed"));
        assertEquals(1, reportDays.get("2026-09-30").getInt("sold"));
        assertTrue(
                http.get("api/v1/deals/" + ramen + "/report.csv", admin).body().contains("total,,7,3,0,139.30,0.4286"));

        // The statement: the four coupons redeemed in the period, commission 15.5 % rounded half-even to the cent.
        JsonObject statement = http.get("api/v1/settlements" + PERIOD, admin).json();
        JsonObject line = statement.getJsonArray("lines").getJsonObject(0);
        assertEquals(1, statement.getJsonArray("lines").size());
        assertEquals(4, line.getInt("redeemedCount"), "as many as the dashboard's redeemed");
        assertEquals("66.95", line.getString("grossValue"));
        assertEquals("10.38", line.getString("commission"), "66.95 x 0.155 = 10.37725");
        assertEquals("56.57", line.getString("net"));
        assertTrue(http.get("api/v1/settlements.csv" + PERIOD, admin)
                .body()
                .contains(",EUR,4,66.95,0.1550,10.38,56.57\r\n"));

        // A shorter period: only the redemptions of Oct 8 on; nothing sold then, so no rate.
        JsonObject end = http.get("api/v1/dashboard?from=2026-10-07&to=2026-10-09", admin)
                .json();
        assertEquals(0, end.getInt("sold"));
        assertEquals(1, end.getInt("redeemed"));
        assertTrue(!end.containsKey("redemptionRate") || end.isNull("redemptionRate"), end::toString);
    }

    @Test
    void onlyTheMerchantAdminSeesItsOwnDashboard() {
        Counter.Shop shop = counter.shop("Private Pierogi");
        counter.coupons(shop.dealId(), 2);
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String period = "?from=" + java.time.LocalDate.parse(today).minusDays(1) + "&to="
                + java.time.LocalDate.parse(today).plusDays(1);
        assertEquals(
                2,
                http.get("api/v1/dashboard" + period, shop.merchant().token())
                        .json()
                        .getInt("sold"));

        Counter.Shop rival = counter.shop("Rival Pierogi");
        JsonObject theirs =
                http.get("api/v1/dashboard" + period, rival.merchant().token()).json();
        assertEquals(0, theirs.getInt("sold"), "another tenant's sales never show");
        assertTrue(
                theirs.getJsonArray("byStore").getValuesAs(JsonObject.class).stream()
                        .noneMatch(s -> s.getString("storeId").equals(shop.first())),
                "nor its stores");
        assertTrue(theirs.getJsonArray("topDeals").isEmpty());
        String csv = http.get("api/v1/dashboard.csv" + period, rival.merchant().token())
                .body();
        assertTrue(csv.contains("\r\ntotal,,\"UTC\",,0,0.00,0,0,,\r\n"), csv);

        for (String path : List.of("api/v1/dashboard", "api/v1/dashboard.csv")) {
            assertEquals(403, http.get(path + period, shop.staffToken()).status(), path);
            assertEquals(403, http.get(path + period, fixtures.buyer().token()).status(), path);
            assertEquals(
                    403,
                    http.get(path + period, fixtures.token(Fixtures.DEMO_OPERATOR, Fixtures.DEMO_PASSWORD))
                            .status(),
                    path);
            assertEquals(401, http.get(path + period, null).status(), path);
        }
        for (String bad : List.of(
                "",
                "?from=2026-10-01",
                "?from=2026-13-01&to=2026-12-01",
                "?from=2026-10-05&to=2026-10-01",
                "?from=2025-01-01&to=2026-10-01",
                "?from=x&to=y")) {
            Reply refused = http.get("api/v1/dashboard" + bad, shop.merchant().token());
            assertEquals(400, refused.status(), bad + ": " + refused);
            assertTrue(refused.contentType().startsWith("application/problem+json"), bad);
        }
    }

    private static List<String> codes(Reply order) {
        assertEquals(201, order.status(), order::toString);
        return order.json().getJsonArray("coupons").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("code"))
                .toList();
    }

    private static void sold(String tenant, List<String> codes, String utc) throws Exception {
        PastCoupons.move(tenant, "created_at", utc, codes);
    }

    private static void redeemed(String tenant, List<String> codes, String utc) throws Exception {
        PastCoupons.move(tenant, "redeemed_at", utc, codes);
    }

    private Reply review(String token, String code, int rating) {
        return http.post(
                "api/v1/reviews",
                Json.createObjectBuilder()
                        .add("couponCode", code)
                        .add("rating", rating)
                        .add("comment", "Good noodles")
                        .build()
                        .toString(),
                token);
    }

    private static void assertDay(JsonObject day, int sold, String revenue, int redeemed) {
        assertEquals(sold, day.getInt("sold"), day::toString);
        assertEquals(revenue, day.getString("revenue"), day::toString);
        assertEquals(redeemed, day.getInt("redeemed"), day::toString);
    }

    private static void assertTopDeal(JsonObject deal, String id, int sold, String revenue, int redeemed) {
        assertEquals(id, deal.getString("dealId"), deal::toString);
        assertEquals(sold, deal.getInt("sold"), deal::toString);
        assertEquals(revenue, deal.getString("revenue"), deal::toString);
        assertEquals(redeemed, deal.getInt("redeemed"), deal::toString);
    }
}
