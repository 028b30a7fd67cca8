package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The dashboard read from hour summaries equals counting the coupons one by one (computed here from the coupon rows),
 * while the summaries are fresh, right after a refund, an undo and an expiry of coupons whose hours were summarised
 * already, and after the job built them again; and a change that commits while the job builds its hour is not lost.
 * The business's days are India's (UTC+5:30), so a day begins inside a UTC hour. The changed coupons were sold on a
 * UTC day wholly inside the 30-day period, whose totals come from its day summary while none of its hours is stale
 * (shown at the end), from its hours while one is.
 */
// Alongside other test classes (see deal-web's POM); its own tests one after another.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("DashboardSummaryIT")
// Among the first classes to start (see MailOpsIT): it mostly waits, about a minute, for a deal of its own to end.
@Order(3)
class DashboardSummaryIT extends DeployedApp {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    @Test
    void figuresEqualTheCouponsAfterChangesOfSummarisedHours() throws Exception {
        Counter.Shop shop = indianShop("Summary Samosa");
        String admin = shop.merchant().token();
        String tenant = shop.merchant().tenantId();
        Instant now = Instant.now();
        Instant dayA = now.truncatedTo(ChronoUnit.DAYS).minus(20, ChronoUnit.DAYS);
        String expiring = shortDeal(shop.merchant(), "Summary Expiring Chai", now.plusSeconds(50));

        Fixtures.Person anna = fixtures.buyer();
        List<String> annas = codes(buying.buy(anna, shop.dealId(), 3));
        Fixtures.Person ben = fixtures.buyer();
        List<String> bens = codes(buying.buy(ben, shop.dealId(), 2));
        List<String> chais = codes(buying.buy(fixtures.buyer(), expiring, 1));
        assertEquals(201, counter.redeem(admin, annas.get(0), shop.first()).status());
        assertEquals(201, counter.redeem(admin, bens.get(0), shop.second()).status());
        // History: sold 20 and 18 days ago (the second at 23:50 in India: the hour in which a day begins there),
        // redeemed 15 and 14 days ago.
        PastCoupons.move(tenant, "created_at", dayA.plus(8, ChronoUnit.HOURS).plus(10, ChronoUnit.MINUTES), annas);
        PastCoupons.move(tenant, "created_at", dayA.plus(9, ChronoUnit.HOURS).plus(5, ChronoUnit.MINUTES), chais);
        PastCoupons.move(
                tenant,
                "created_at",
                dayA.plus(2, ChronoUnit.DAYS).plus(18, ChronoUnit.HOURS).plus(20, ChronoUnit.MINUTES),
                bens);
        PastCoupons.move(
                tenant, "redeemed_at", dayA.plus(5, ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS), annas.subList(0, 1));
        PastCoupons.move(
                tenant, "redeemed_at", dayA.plus(6, ChronoUnit.DAYS).plus(19, ChronoUnit.HOURS), bens.subList(0, 1));

        awaitSummarised(tenant);
        long annasHour = dayA.plus(8, ChronoUnit.HOURS).getEpochSecond() / 3600;
        assertEquals(
                "3",
                Buying.query("SELECT SUM(sold) FROM dashboard_hour WHERE tenant_id = ? AND hour = ?", tenant, annasHour)
                        .get(0)
                        .get(0),
                "the hour of Anna's purchase is summarised");
        assertFiguresEqualTheCoupons(tenant, admin, "summaries built");

        // A refund of a coupon whose hour is summarised.
        assertEquals(
                200,
                http.post("api/v1/coupons/" + annas.get(1) + "/refund", null, anna.token())
                        .status());
        assertFiguresEqualTheCoupons(tenant, admin, "after a refund");

        // A redemption of an old coupon, summarised again, then undone.
        String redemption =
                counter.redeem(admin, annas.get(2), shop.first()).json().getString("id");
        // marked in the coupon's own row (summary_mark), its sale's hour is read from the coupons until built again
        assertFiguresEqualTheCoupons(tenant, admin, "after a redemption of an old coupon");
        awaitSummarised(tenant);
        assertFiguresEqualTheCoupons(tenant, admin, "after a redemption, summarised");
        assertEquals(204, counter.undo(admin, redemption, "Wrong coupon").status());
        assertFiguresEqualTheCoupons(tenant, admin, "after an undo");

        // The chai coupon expires (refunded at expiry) after its hour was summarised.
        awaitSummarised(tenant);
        assertEquals("REFUNDED", awaitStatus(chais.get(0), "REFUNDED", 90));
        assertFiguresEqualTheCoupons(tenant, admin, "after an expiry");

        awaitSummarised(tenant);
        assertFiguresEqualTheCoupons(tenant, admin, "all built again");
        assertTheDaySummaryIsRead(tenant, admin, shop.dealId(), dayA);
    }

    /**
     * The UTC day of Anna's purchase lies wholly inside the last 30 days and none of its hours is stale: its deal
     * totals come from its day summary (V27), which equals the sum of its hours. Shown by changing that summary row
     * alone for a moment: the dashboard's top deal moves with it.
     */
    private void assertTheDaySummaryIsRead(String tenant, String admin, String dealId, Instant utcDay)
            throws Exception {
        long day = utcDay.getEpochSecond() / 86_400;
        assertEquals(
                Buying.query(
                                "SELECT SUM(sold), SUM(redeemed) FROM dashboard_hour WHERE tenant_id = ? AND deal_id = ?"
                                        + " AND hour >= ? AND hour < ?",
                                tenant,
                                dealId,
                                day * 24,
                                day * 24 + 24)
                        .get(0),
                Buying.query(
                                "SELECT sold, redeemed FROM dashboard_day WHERE tenant_id = ? AND deal_id = ? AND day = ?",
                                tenant,
                                dealId,
                                day)
                        .get(0),
                "the day summary is the sum of its hours");
        LocalDate today = LocalDate.now(ZONE);
        String path = "api/v1/dashboard?from=" + today.minusDays(29) + "&to=" + today;
        long before = topDealSold(http.get(path, admin).json(), dealId);
        String change = "UPDATE dashboard_day SET sold = sold + ? WHERE tenant_id = ? AND deal_id = ? AND day = ?";
        assertEquals(1, Buying.update(change, 1000, tenant, dealId, day));
        try {
            assertEquals(before + 1000, topDealSold(http.get(path, admin).json(), dealId), "read from the day summary");
        } finally {
            Buying.update(change, -1000, tenant, dealId, day);
        }
        assertFiguresEqualTheCoupons(tenant, admin, "the day summary as built");
    }

    private static long topDealSold(JsonObject dashboard, String dealId) {
        return dashboard.getJsonArray("topDeals").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("dealId").equals(dealId))
                .mapToLong(t -> t.getInt("sold"))
                .findFirst()
                .orElse(0);
    }

    @Test
    void aChangeCommittedWhileTheJobBuildsItsHourIsNotLost() throws Exception {
        Counter.Shop shop = indianShop("Summary Race Rasam");
        String admin = shop.merchant().token();
        String tenant = shop.merchant().tenantId();
        List<String> codes = counter.coupons(shop.dealId(), 2);
        Instant sold = Instant.now()
                .truncatedTo(ChronoUnit.HOURS)
                .minus(3, ChronoUnit.DAYS)
                .plus(7, ChronoUnit.MINUTES);
        PastCoupons.move(tenant, "created_at", sold, codes);
        awaitSummarised(tenant);
        long hour = sold.getEpochSecond() / 3600;
        assertFiguresEqualTheCoupons(tenant, admin, "summarised");

        try (Connection change = PastCoupons.connect()) {
            change.setAutoCommit(false);
            change.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            // A refund as the product makes it, not committed yet: the coupon and its mark in one transaction.
            PastCoupons.execute(
                    change,
                    "UPDATE coupon SET status = 'REFUNDED', refunded_at = ? WHERE tenant_id = ? AND code = REPLACE(?, '-', '')",
                    LocalDateTime.now(ZoneOffset.UTC),
                    tenant,
                    codes.get(0));
            String ours = PastCoupons.mark(change, tenant, codes.get(0));
            // Meanwhile another change of the same hour commits and the job builds the hour again.
            String theirs = markCommitted(tenant, hour);
            awaitGone(tenant, hour, theirs);
            change.commit();
            assertEquals(
                    1,
                    Buying.query(
                                    "SELECT id FROM dashboard_stale_hour WHERE tenant_id = ? AND hour = ? AND id = ?",
                                    tenant,
                                    hour,
                                    ours)
                            .size(),
                    "the job kept the mark it had not read");
        }
        assertFiguresEqualTheCoupons(tenant, admin, "the change committed after the job read the hour");
        awaitSummarised(tenant);
        assertFiguresEqualTheCoupons(tenant, admin, "built again");
        assertEquals(
                "1",
                Buying.query("SELECT SUM(refunded) FROM dashboard_hour WHERE tenant_id = ? AND hour = ?", tenant, hour)
                        .get(0)
                        .get(0));
    }

    // ---- the figures, counted from the coupon rows here ------------------------------------------------------------

    private void assertFiguresEqualTheCoupons(String tenant, String admin, String when) throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        for (LocalDate[] period : List.of(
                new LocalDate[] {today.minusDays(29), today},
                new LocalDate[] {today.minusDays(21), today.minusDays(17)},
                new LocalDate[] {today.minusDays(18), today.minusDays(18)})) {
            JsonObject d = http.get("api/v1/dashboard?from=" + period[0] + "&to=" + period[1], admin)
                    .json();
            Expected e = expected(tenant, period[0], period[1]);
            String where = when + ", " + period[0] + ".." + period[1] + ": " + d;
            assertEquals(e.sold, d.getInt("sold"), where);
            assertEquals(e.refunded, d.getInt("refunded"), where);
            assertEquals(e.redeemed, d.getInt("redeemed"), where);
            assertEquals(
                    0,
                    e.revenue.compareTo(
                            absent(d, "revenue") ? BigDecimal.ZERO : new BigDecimal(d.getString("revenue"))),
                    where);
            String rate = e.sold - e.refunded == 0
                    ? null
                    : BigDecimal.valueOf(e.redeemedOfSold)
                            .divide(BigDecimal.valueOf(e.sold - e.refunded), 4, RoundingMode.HALF_EVEN)
                            .toPlainString();
            assertEquals(rate, absent(d, "redemptionRate") ? null : d.getString("redemptionRate"), where);
            Map<String, long[]> days = new TreeMap<>();
            for (JsonObject day : d.getJsonArray("byDay").getValuesAs(JsonObject.class)) {
                if (day.getInt("sold") > 0 || day.getInt("redeemed") > 0) {
                    days.put(day.getString("date"), new long[] {
                        day.getInt("sold"),
                        day.getInt("redeemed"),
                        new BigDecimal(day.getString("revenue"))
                                .movePointRight(2)
                                .longValueExact()
                    });
                }
            }
            assertEquals(text(e.days), text(days), where);
            Map<String, Long> stores = new TreeMap<>();
            d.getJsonArray("byStore").getValuesAs(JsonObject.class).stream()
                    .filter(s -> s.getInt("redeemed") > 0)
                    .forEach(s -> stores.put(s.getString("storeId"), (long) s.getInt("redeemed")));
            assertEquals(e.stores, stores, where);
            Map<String, String> deals = new TreeMap<>();
            d.getJsonArray("topDeals")
                    .getValuesAs(JsonObject.class)
                    .forEach(t -> deals.put(
                            t.getString("dealId"),
                            t.getInt("sold") + "/" + t.getInt("redeemed") + "/"
                                    + new BigDecimal(t.getString("revenue"))
                                            .stripTrailingZeros()
                                            .toPlainString()));
            assertEquals(e.deals, deals, where);
        }
    }

    private static boolean absent(JsonObject o, String member) {
        return !o.containsKey(member) || o.isNull(member);
    }

    private static String text(Map<String, long[]> days) {
        StringBuilder out = new StringBuilder();
        days.forEach((k, v) -> out.append(k)
                .append('=')
                .append(v[0])
                .append('/')
                .append(v[1])
                .append('/')
                .append(v[2])
                .append(' '));
        return out.toString();
    }

    private static final class Expected {
        long sold;
        long refunded;
        long redeemed;
        long redeemedOfSold;
        BigDecimal revenue = BigDecimal.ZERO;
        final Map<String, long[]> days = new TreeMap<>();
        final Map<String, Long> stores = new TreeMap<>();
        final Map<String, String> deals = new TreeMap<>();
    }

    /** Counts every coupon of the tenant as the dashboard defines its figures (one currency, fewer than 6 deals). */
    private static Expected expected(String tenant, LocalDate from, LocalDate to) throws SQLException {
        Instant start = from.atStartOfDay(ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZONE).toInstant();
        Expected e = new Expected();
        Map<String, long[]> deals = new HashMap<>();
        Map<String, BigDecimal> dealRevenue = new HashMap<>();
        for (List<String> c : Buying.query(
                "SELECT deal_id, status, price, created_at, redeemed_at, redeemed_store_id FROM coupon"
                        + " WHERE tenant_id = ?",
                tenant)) {
            String status = c.get(1);
            BigDecimal price = new BigDecimal(c.get(2));
            Instant created = instant(c.get(3));
            Instant redeemed = c.get(4) == null ? null : instant(c.get(4));
            if (!created.isBefore(start) && created.isBefore(end) && !status.equals("VOID")) {
                boolean paid = List.of("ACTIVE", "REDEEMED", "EXPIRED").contains(status);
                e.sold++;
                e.refunded += status.equals("REFUNDED") ? 1 : 0;
                e.redeemedOfSold += status.equals("REDEEMED") ? 1 : 0;
                e.revenue = e.revenue.add(paid ? price : BigDecimal.ZERO);
                long[] day = e.days.computeIfAbsent(
                        created.atZone(ZONE).toLocalDate().toString(), k -> new long[3]);
                day[0]++;
                day[2] += paid ? price.movePointRight(2).longValueExact() : 0;
                deals.computeIfAbsent(c.get(0), k -> new long[2])[0]++;
                dealRevenue.merge(c.get(0), paid ? price : BigDecimal.ZERO, BigDecimal::add);
            }
            if (redeemed != null && status.equals("REDEEMED") && !redeemed.isBefore(start) && redeemed.isBefore(end)) {
                e.redeemed++;
                e.days.computeIfAbsent(redeemed.atZone(ZONE).toLocalDate().toString(), k -> new long[3])[1]++;
                e.stores.merge(c.get(5), 1L, Long::sum);
                deals.computeIfAbsent(c.get(0), k -> new long[2])[1]++;
            }
        }
        deals.forEach((deal, n) -> {
            if (n[0] > 0) {
                e.deals.put(
                        deal,
                        n[0] + "/" + n[1] + "/"
                                + dealRevenue.get(deal).stripTrailingZeros().toPlainString());
            }
        });
        return e;
    }

    private static Instant instant(String dateTime) {
        return LocalDateTime.parse(dateTime.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }

    // ---- history, marks and the job -------------------------------------------------------------------------------

    private static String markCommitted(String tenant, long hour) throws SQLException {
        String id = PastCoupons.newId();
        assertEquals(
                1,
                Buying.update(
                        "INSERT INTO dashboard_stale_hour (tenant_id, hour, id) VALUES (?, ?, ?)", tenant, hour, id));
        return id;
    }

    /**
     * Waits until the job has summarised every closed hour of the tenant and left no stale mark of them, neither a
     * row nor a coupon's mark (a redemption's).
     */
    private static void awaitSummarised(String tenant) throws Exception {
        long closed = Instant.now().minusSeconds(60).getEpochSecond() / 3600;
        String state = "";
        for (int i = 0; i < 240; i++) {
            List<List<String>> row = Buying.query(
                    "SELECT s.summarised_until, (SELECT COUNT(*) FROM dashboard_stale_hour m"
                            + " WHERE m.tenant_id = s.tenant_id AND m.hour < s.summarised_until)"
                            + " + (SELECT COUNT(*) FROM coupon c WHERE c.tenant_id = s.tenant_id AND c.summary_mark IS NOT NULL"
                            + " AND (c.created_quarter < s.summarised_until * 4 OR c.redeemed_quarter < s.summarised_until * 4))"
                            + " FROM dashboard_summary s WHERE s.tenant_id = ?",
                    tenant);
            if (!row.isEmpty()
                    && Long.parseLong(row.get(0).get(0)) >= closed
                    && row.get(0).get(1).equals("0")) {
                return;
            }
            state = row.toString();
            Thread.sleep(250);
        }
        throw new AssertionError("the job did not summarise the tenant's hours within 60 s: " + state);
    }

    private static void awaitGone(String tenant, long hour, String id) throws Exception {
        for (int i = 0; i < 240; i++) {
            if (Buying.query(
                            "SELECT 1 FROM dashboard_stale_hour WHERE tenant_id = ? AND hour = ? AND id = ?",
                            tenant,
                            hour,
                            id)
                    .isEmpty()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the job did not build hour " + hour + " again within 60 s");
    }

    private String awaitStatus(String code, String status, int seconds) throws Exception {
        String seen = null;
        for (int i = 0; i < seconds * 4; i++) {
            seen = Buying.query("SELECT status FROM coupon WHERE code = REPLACE(?, '-', '')", code)
                    .get(0)
                    .get(0);
            if (status.equals(seen)) {
                return seen;
            }
            Thread.sleep(250);
        }
        return seen;
    }

    /** A shop whose business keeps India's time: its day's hours are Kolkata's. */
    private Counter.Shop indianShop(String name) {
        Counter.Shop shop = counter.shop(name);
        india(shop.merchant().token());
        return shop;
    }

    private void india(String admin) {
        Reply settings = http.put(
                "api/v1/settings",
                Json.createObjectBuilder()
                        .add("businessName", "Summary Samosa")
                        .add("timeZone", ZONE.getId())
                        .add("undoWindowMinutes", 10)
                        .build()
                        .toString(),
                admin);
        assertEquals(200, settings.status(), settings::toString);
    }

    private String shortDeal(Fixtures.Merchant merchant, String title, Instant end) {
        JsonObjectBuilder body = Fixtures.deal(title, Instant.now().minusSeconds(60), end, List.of());
        body.add("couponValidUntil", end.toString()).add("refundPolicy", "NONE").add("autoRefundOnExpiry", true);
        String id = fixtures.newDeal(merchant.token(), body).getString("id");
        assertEquals("ON_SALE", fixtures.publish(merchant.token(), id).getString("status"));
        return id;
    }

    private static List<String> codes(Reply order) {
        assertEquals(201, order.status(), order::toString);
        return order.json().getJsonArray("coupons").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("code"))
                .toList();
    }
}
