package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Settlement statements from a scripted history: redemptions at two stores in two currencies, an undo and unused
 * coupons that do not count, the commission rounded half-even to the minor unit; JSON and CSV agree, the deal report agrees,
 * and nobody but the merchant and the operator sees them.
 */
// Alongside other test classes (see deal-web's POM); its own tests one after another.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("SettlementStatementIT")
class SettlementStatementIT extends DeployedApp {

    @Test
    void theStatementCountsWhatWasRedeemedAndRoundsTheCommission() throws Exception {
        Counter.Shop shop = counter.shop("Statement Steakhouse");
        String operator = fixtures.token(Fixtures.DEMO_OPERATOR, Fixtures.DEMO_PASSWORD);
        assertEquals(
                200,
                http.put(
                                "api/v1/platform/tenants/" + shop.merchant().tenantId(),
                                "{\"commissionRate\":\"0.155\"}",
                                operator)
                        .status());
        String yenDeal = buying.dealIdOnSale(
                shop.merchant(),
                "Statement Sushi",
                d -> d.add("currency", "JPY").add("price", "1200").add("originalValue", "2000"));

        List<String> euro = new ArrayList<>(counter.coupons(shop.dealId(), 3));
        euro.addAll(counter.coupons(shop.dealId(), 3));
        List<String> yen = counter.coupons(yenDeal, 2);
        String admin = shop.merchant().token();
        for (int i = 0; i < 4; i++) {
            assertEquals(
                    201,
                    counter.redeem(admin, euro.get(i), i % 2 == 0 ? shop.first() : shop.second())
                            .status());
        }
        String undone = counter.redeem(admin, euro.get(4), shop.first()).json().getString("id");
        assertEquals(204, counter.undo(admin, undone, "Wrong table").status());
        for (String code : yen) {
            assertEquals(201, counter.redeem(admin, code, shop.second()).status());
        }

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String period = "?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        JsonObject statement = http.get("api/v1/settlements" + period, admin).json();
        List<JsonObject> lines = statement.getJsonArray("lines").getValuesAs(JsonObject.class);
        assertEquals(2, lines.size(), statement::toString);
        assertLine(lines.get(0), "EUR", 4, "79.60", "0.1550", "12.34", "67.26");
        assertLine(lines.get(1), "JPY", 2, "2400", "0.1550", "372", "2028");

        String csv = http.get("api/v1/settlements.csv" + period, admin).body();
        assertTrue(csv.contains(",EUR,4,79.60,0.1550,12.34,67.26\r\n"), csv);
        assertTrue(csv.contains(",JPY,2,2400,0.1550,372,2028\r\n"), csv);

        JsonObject report =
                http.get("api/v1/deals/" + shop.dealId() + "/report", admin).json();
        assertEquals(4, report.getInt("redeemed"), "the deal report counts the same redemptions");
        assertEquals(2, report.getJsonArray("byStore").size());

        JsonObject all =
                http.get("api/v1/platform/settlements" + period, operator).json();
        JsonObject mine = all.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("tenantId").equals(shop.merchant().tenantId()))
                .findFirst()
                .orElseThrow();
        assertEquals(statement.getJsonArray("lines"), mine.getJsonArray("lines"), "the operator sees the same figures");
        assertTrue(http.get("api/v1/platform/settlements.csv" + period, operator)
                .body()
                .contains("\"Statement Steakhouse\""));

        Counter.Shop rival = counter.shop("Rival Steakhouse");
        assertEquals(
                0,
                http.get("api/v1/settlements" + period, rival.merchant().token())
                        .json()
                        .getJsonArray("lines")
                        .size());
        assertEquals(
                403, http.get("api/v1/settlements" + period, shop.staffToken()).status());
        assertEquals(
                403, http.get("api/v1/platform/settlements" + period, admin).status());
        assertEquals(
                403,
                http.get("api/v1/settlements" + period, fixtures.buyer().token())
                        .status());
        assertEquals(401, http.get("api/v1/settlements" + period, null).status());
        Reply bad = http.get("api/v1/settlements?from=2026-13-01&to=2026-01-01", admin);
        assertEquals(400, bad.status(), bad::toString);
        assertEquals(
                400,
                http.get("api/v1/settlements?from=" + today + "&to=" + today.minusDays(2), admin)
                        .status());
    }

    private static void assertLine(
            JsonObject line, String currency, int count, String gross, String rate, String commission, String net) {
        assertEquals(currency, line.getString("currency"));
        assertEquals(count, line.getInt("redeemedCount"));
        assertEquals(gross, line.getString("grossValue"));
        assertEquals(rate, line.getString("commissionRate"));
        assertEquals(commission, line.getString("commission"));
        assertEquals(net, line.getString("net"));
    }
}
