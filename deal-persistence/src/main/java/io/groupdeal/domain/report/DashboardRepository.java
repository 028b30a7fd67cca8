package io.groupdeal.domain.report;

import static io.groupdeal.domain.shared.QuarterHours.Moment.REDEEMED;
import static io.groupdeal.domain.shared.QuarterHours.Moment.SOLD;

import io.groupdeal.domain.report.Dashboard.DealLine;
import io.groupdeal.domain.report.Dashboard.Money;
import io.groupdeal.domain.report.Dashboard.StoreLine;
import io.groupdeal.domain.shared.NativeSql;
import io.groupdeal.domain.shared.QuarterHours;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Counts a tenant's dashboard straight from its coupons, reviews and deals. A period is range scans of covering
 * indexes of the coupons (by quarter hour of sale and of redemption, see V7__dashboard.sql and V8__quarter_hours.sql),
 * grouped by quarter hour as they are read, so that the days are the tenant's own (see {@link QuarterHours}).
 */
@ApplicationScoped
public class DashboardRepository {

    static final int TOP_DEALS = 5;
    private static final String PAID = "status IN ('ACTIVE', 'REDEEMED', 'EXPIRED')";

    @Inject
    private NativeSql sql;

    public Dashboard dashboard(String tenantId, LocalDate from, LocalDate to, ZoneId zone) {
        Period period = new Period(tenantId, from, to, zone);
        Map<LocalDate, Sales> days = new TreeMap<>();
        Map<String, Sales> currencies = new TreeMap<>();
        long redeemedSinceSold = 0;
        for (Object[] r : sql.report("SELECT " + SOLD.quarter() + ", currency, COUNT(*), SUM(status = 'REFUNDED'),"
                + " SUM(status = 'REDEEMED'), COALESCE(SUM(CASE WHEN " + PAID + " THEN price END), 0) FROM coupon"
                + " WHERE tenant_id = ? AND " + SOLD.within() + " AND status <> 'VOID'"
                + " GROUP BY " + SOLD.quarter() + ", currency", period.range())) {
            Sales sales = new Sales(NativeSql.count(r[2]), NativeSql.count(r[3]), NativeSql.decimal(r[5]), (String) r[1]);
            currencies.merge(sales.currency, sales, Sales::plus);
            days.merge(QuarterHours.day(r[0], zone), sales, Sales::plus);
            redeemedSinceSold += NativeSql.count(r[4]);
        }
        String currency = currencies.values().stream().max(Comparator.comparingLong(Sales::sold)).map(Sales::currency).orElse(null);

        Map<LocalDate, Long> redeemedByDay = new HashMap<>();
        Map<String, Long> redeemedByStore = new HashMap<>();
        for (Object[] r : sql.report("SELECT " + REDEEMED.quarter() + ", redeemed_store_id, COUNT(*) FROM coupon"
                + " WHERE tenant_id = ? AND " + REDEEMED.within() + " AND status = 'REDEEMED'"
                + " GROUP BY " + REDEEMED.quarter() + ", redeemed_store_id", period.range())) {
            redeemedByDay.merge(QuarterHours.day(r[0], zone), NativeSql.count(r[2]), Long::sum);
            redeemedByStore.merge((String) r[1], NativeSql.count(r[2]), Long::sum);
        }

        long sold = currencies.values().stream().mapToLong(Sales::sold).sum();
        long refunded = currencies.values().stream().mapToLong(Sales::refunded).sum();
        Sales main = currency == null ? Sales.NONE : currencies.get(currency);
        Object[] reviews = sql.row("SELECT COUNT(*), COALESCE(SUM(rating), 0) FROM review"
                + " WHERE tenant_id = ? AND created_at >= ? AND created_at < ?", period.times());
        Object[] deals = sql.row("SELECT COALESCE(SUM(status = 'ON_SALE'), 0), COALESCE(SUM(status = 'ON_SALE' AND tipped_at IS NULL), 0)"
                + " FROM deal WHERE tenant_id = ?", List.of(tenantId));
        return new Dashboard(from, to, zone.getId(), sold, refunded, redeemedByStore.values().stream().mapToLong(Long::longValue).sum(),
                ratio(redeemedSinceSold, sold - refunded, 4), currency, main.revenue,
                currencies.values().stream().map(s -> new Money(s.currency, s.revenue)).toList(),
                ratio(NativeSql.count(reviews[1]), NativeSql.count(reviews[0]), 2), NativeSql.count(reviews[0]),
                NativeSql.count(deals[0]), NativeSql.count(deals[1]),
                period.days().map(day -> day(day, days.get(day), currency, redeemedByDay)).toList(),
                stores(tenantId, redeemedByStore), topDeals(period));
    }

    private static Dashboard.Day day(LocalDate date, Sales sales, String currency, Map<LocalDate, Long> redeemed) {
        Sales s = sales == null ? Sales.NONE : sales;
        BigDecimal revenue = currency == null ? BigDecimal.ZERO : s.revenueIn.getOrDefault(currency, BigDecimal.ZERO);
        return new Dashboard.Day(date, s.sold, revenue, redeemed.getOrDefault(date, 0L));
    }

    /** Every store of the tenant in use, and an archived one only when it has redemptions in the period; most first. */
    private List<StoreLine> stores(String tenantId, Map<String, Long> redeemed) {
        return sql.report("SELECT id, name, archived_at FROM store WHERE tenant_id = ? ORDER BY name, id", List.of(tenantId)).stream()
                .filter(r -> r[2] == null || redeemed.containsKey((String) r[0]))
                .map(r -> new StoreLine((String) r[0], (String) r[1], redeemed.getOrDefault((String) r[0], 0L)))
                .sorted(Comparator.comparingLong(StoreLine::redeemed).reversed())
                .toList();
    }

    /** The best sellers of the period: most coupons sold, then most revenue. */
    private List<DealLine> topDeals(Period period) {
        Map<String, DealLine> top = new LinkedHashMap<>();
        for (Object[] r : sql.report("SELECT c.deal_id, d.title, d.currency, c.sold, c.revenue FROM (SELECT deal_id, COUNT(*) sold,"
                + " COALESCE(SUM(CASE WHEN " + PAID + " THEN price END), 0) revenue FROM coupon FORCE INDEX (ix_coupon_sales)"
                + " WHERE tenant_id = ? AND " + SOLD.within() + " AND status <> 'VOID'"
                + " GROUP BY deal_id ORDER BY sold DESC, revenue DESC, deal_id LIMIT " + TOP_DEALS
                + ") c JOIN deal d ON d.tenant_id = ? AND d.id = c.deal_id ORDER BY c.sold DESC, c.revenue DESC, c.deal_id",
                period.with(period.tenantId))) {
            top.put((String) r[0], new DealLine((String) r[0], (String) r[1], (String) r[2], NativeSql.count(r[3]),
                    NativeSql.decimal(r[4]), 0));
        }
        if (top.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(period.range());
        parameters.addAll(top.keySet());
        for (Object[] r : sql.report("SELECT deal_id, COUNT(*) FROM coupon WHERE tenant_id = ? AND " + REDEEMED.within()
                + " AND status = 'REDEEMED' AND deal_id IN (" + "?, ".repeat(top.size() - 1) + "?) GROUP BY deal_id", parameters)) {
            DealLine line = top.get((String) r[0]);
            top.put(line.dealId(), new DealLine(line.dealId(), line.title(), line.currency(), line.sold(), line.revenue(),
                    NativeSql.count(r[1])));
        }
        return List.copyOf(top.values());
    }

    private static BigDecimal ratio(long part, long whole, int scale) {
        return whole <= 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), scale, RoundingMode.HALF_EVEN);
    }

    /** The period as instants: from the start of {@code from} to the start of the day after {@code to}, in the zone. */
    private record Period(String tenantId, LocalDate from, LocalDate to, ZoneId zone) {

        /** The tenant and the period as {@link QuarterHours#bounds}. */
        List<Object> range() {
            List<Object> parameters = new ArrayList<>(List.of(tenantId));
            parameters.addAll(QuarterHours.bounds(start(), end()));
            return parameters;
        }

        /** The tenant and the period as two instants. */
        List<Object> times() {
            return List.of(tenantId, start(), end());
        }

        private Instant start() {
            return from.atStartOfDay(zone).toInstant();
        }

        private Instant end() {
            return to.plusDays(1).atStartOfDay(zone).toInstant();
        }

        List<Object> with(Object extra) {
            List<Object> parameters = new ArrayList<>(range());
            parameters.add(extra);
            return parameters;
        }

        Stream<LocalDate> days() {
            return from.datesUntil(to.plusDays(1));
        }
    }

    /** Coupons sold: how many, how many refunded, the revenue per currency. */
    private record Sales(long sold, long refunded, BigDecimal revenue, String currency, Map<String, BigDecimal> revenueIn) {

        static final Sales NONE = new Sales(0, 0, BigDecimal.ZERO, null, Map.of());

        Sales(long sold, long refunded, BigDecimal revenue, String currency) {
            this(sold, refunded, revenue, currency, Map.of(currency, revenue));
        }

        Sales plus(Sales other) {
            Map<String, BigDecimal> sum = new HashMap<>(revenueIn);
            other.revenueIn.forEach((c, amount) -> sum.merge(c, amount, BigDecimal::add));
            return new Sales(sold + other.sold, refunded + other.refunded, revenue.add(other.revenue), currency, sum);
        }
    }
}
