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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Counts a tenant's dashboard from its coupons, reviews and deals. The hours of the period that are over come from
 * their summaries ({@link HourSummaries}: built from the coupons by a job, marked stale by every change of a coupon),
 * the others from the coupons themselves: the open hour, hours not summarised yet, stale hours, and hours in which one
 * of the tenant's days begins (zones whose offset is not whole hours). Those are range scans of covering indexes of
 * the coupons (by quarter hour of sale and of redemption, see V7__dashboard.sql and V8__quarter_hours.sql), grouped by
 * quarter hour as they are read, so that the days are the tenant's own (see {@link QuarterHours}); a summarised hour
 * lies wholly inside one day ({@link DashboardHours}). Both give exactly what counting every coupon gives.
 */
@ApplicationScoped
public class DashboardRepository {

    static final int TOP_DEALS = 5;
    private static final String PAID = HourSummaries.PAID;

    @Inject
    private NativeSql sql;

    @Inject
    private HourSummaries summaries;

    public Dashboard dashboard(String tenantId, LocalDate from, LocalDate to, ZoneId zone) {
        Period period = new Period(tenantId, from, to, zone);
        DashboardHours probe = DashboardHours.of(from, to, zone, Long.MIN_VALUE, Set.of());
        HourSummaries.State state = summaries.state(tenantId, probe.first(), probe.end());
        DashboardHours hours = DashboardHours.of(from, to, zone, state.summarisedUntil(), state.stale());
        long summaryEnd = hours.summaryEnd(state.summarisedUntil());
        Figures figures = new Figures();
        if (summaryEnd > hours.first()) {
            summarised(tenantId, hours, summaryEnd, zone, figures);
        }
        if (!hours.live().isEmpty()) {
            live(period, hours, zone, figures);
        }

        Map<LocalDate, Sales> days = figures.days;
        Map<String, Sales> currencies = figures.currencies;
        String currency = currencies.values().stream().max(Comparator.comparingLong(Sales::sold)).map(Sales::currency).orElse(null);
        long sold = currencies.values().stream().mapToLong(Sales::sold).sum();
        long refunded = currencies.values().stream().mapToLong(Sales::refunded).sum();
        Sales main = currency == null ? Sales.NONE : currencies.get(currency);
        Object[] reviews = sql.row("SELECT COUNT(*), COALESCE(SUM(rating), 0) FROM review"
                + " WHERE tenant_id = ? AND created_at >= ? AND created_at < ?", period.times());
        Object[] deals = sql.row("SELECT COALESCE(SUM(status = 'ON_SALE'), 0), COALESCE(SUM(status = 'ON_SALE' AND tipped_at IS NULL), 0)"
                + " FROM deal WHERE tenant_id = ?", List.of(tenantId));
        return new Dashboard(from, to, zone.getId(), sold, refunded,
                figures.redeemedByStore.values().stream().mapToLong(Long::longValue).sum(),
                ratio(figures.redeemedSinceSold, sold - refunded, 4), currency, main.revenue,
                currencies.values().stream().map(s -> new Money(s.currency, s.revenue)).toList(),
                ratio(NativeSql.count(reviews[1]), NativeSql.count(reviews[0]), 2), NativeSql.count(reviews[0]),
                NativeSql.count(deals[0]), NativeSql.count(deals[1]),
                period.days().map(day -> day(day, days.get(day), currency, figures.redeemedByDay)).toList(),
                stores(tenantId, figures.redeemedByStore), topDeals(tenantId, figures.deals));
    }

    /** The summarised hours of {@code [first, summaryEnd)}, but for the live ones among them. */
    private void summarised(String tenantId, DashboardHours hours, long summaryEnd, ZoneId zone, Figures figures) {
        List<Long> skip = hours.liveBefore(summaryEnd);
        String where = " WHERE tenant_id = ? AND hour >= ? AND hour < ?"
                + (skip.isEmpty() ? "" : " AND hour NOT IN (" + "?, ".repeat(skip.size() - 1) + "?)");
        List<Object> parameters = new ArrayList<>(List.of(tenantId, hours.first(), summaryEnd));
        parameters.addAll(skip);
        for (Object[] r : sql.report("SELECT hour, currency, SUM(sold), SUM(refunded), SUM(redeemed_of_sold), SUM(revenue),"
                + " SUM(redeemed) FROM dashboard_hour" + where + " GROUP BY hour, currency", parameters)) {
            LocalDate day = DashboardHours.start(NativeSql.count(r[0])).atZone(zone).toLocalDate();
            figures.sales(day, new Sales(NativeSql.count(r[2]), NativeSql.count(r[3]), NativeSql.decimal(r[5]), (String) r[1]),
                    NativeSql.count(r[4]));
            figures.redeemedByDay.merge(day, NativeSql.count(r[6]), Long::sum);
        }
        for (Object[] r : sql.report("SELECT store_id, SUM(redeemed) FROM dashboard_hour_store" + where + " GROUP BY store_id",
                parameters)) {
            figures.redeemedByStore.merge((String) r[0], NativeSql.count(r[1]), Long::sum);
        }
        for (Object[] r : sql.report("SELECT deal_id, SUM(sold), SUM(revenue), SUM(redeemed) FROM dashboard_hour" + where
                + " GROUP BY deal_id", parameters)) {
            figures.deal((String) r[0], NativeSql.count(r[1]), NativeSql.decimal(r[2]), NativeSql.count(r[3]));
        }
    }

    /** The live hours, from the coupons, by quarter hour. */
    private void live(Period period, DashboardHours hours, ZoneId zone, Figures figures) {
        List<long[]> ranges = hours.liveRanges();
        for (Object[] r : sql.report("SELECT " + SOLD.quarter() + ", currency, deal_id, COUNT(*), SUM(status = 'REFUNDED'),"
                + " SUM(status = 'REDEEMED'), COALESCE(SUM(CASE WHEN " + PAID + " THEN price END), 0) FROM coupon"
                + " WHERE tenant_id = ? AND " + within(SOLD, ranges.size()) + " AND status <> 'VOID'"
                + " GROUP BY " + SOLD.quarter() + ", currency, deal_id", period.within(ranges))) {
            Sales sales = new Sales(NativeSql.count(r[3]), NativeSql.count(r[4]), NativeSql.decimal(r[6]), (String) r[1]);
            figures.sales(QuarterHours.day(r[0], zone), sales, NativeSql.count(r[5]));
            figures.deal((String) r[2], sales.sold, sales.revenue, 0);
        }
        for (Object[] r : sql.report("SELECT " + REDEEMED.quarter() + ", redeemed_store_id, deal_id, COUNT(*) FROM coupon"
                + " WHERE tenant_id = ? AND " + within(REDEEMED, ranges.size()) + " AND status = 'REDEEMED'"
                + " GROUP BY " + REDEEMED.quarter() + ", redeemed_store_id, deal_id", period.within(ranges))) {
            long n = NativeSql.count(r[3]);
            figures.redeemedByDay.merge(QuarterHours.day(r[0], zone), n, Long::sum);
            figures.redeemedByStore.merge((String) r[1], n, Long::sum);
            figures.deal((String) r[2], 0, BigDecimal.ZERO, n);
        }
    }

    /** The moment lies in one of {@code ranges} of hours (as quarters: the index) and in the period (exact). */
    private static String within(QuarterHours.Moment moment, int ranges) {
        String one = "(" + moment.quarter() + " >= ? AND " + moment.quarter() + " < ?)";
        return "(" + String.join(" OR ", java.util.Collections.nCopies(ranges, one)) + ") AND " + moment.time() + " >= ? AND "
                + moment.time() + " < ?";
    }

    /** What the summaries and the coupons add up to, by day, currency, store and deal. */
    private static final class Figures {
        final Map<LocalDate, Sales> days = new TreeMap<>();
        final Map<String, Sales> currencies = new TreeMap<>();
        final Map<LocalDate, Long> redeemedByDay = new HashMap<>();
        final Map<String, Long> redeemedByStore = new HashMap<>();
        final Map<String, DealFigures> deals = new HashMap<>();
        long redeemedSinceSold;

        void sales(LocalDate day, Sales sales, long redeemed) {
            if (sales.sold == 0) {
                return; // an hour of redemptions only: no sale in it, as counting the coupons sold finds none
            }
            currencies.merge(sales.currency, sales, Sales::plus);
            days.merge(day, sales, Sales::plus);
            redeemedSinceSold += redeemed;
        }

        void deal(String dealId, long sold, BigDecimal revenue, long redeemed) {
            deals.merge(dealId, new DealFigures(sold, revenue, redeemed), DealFigures::plus);
        }
    }

    private record DealFigures(long sold, BigDecimal revenue, long redeemed) {
        DealFigures plus(DealFigures o) {
            return new DealFigures(sold + o.sold, revenue.add(o.revenue), redeemed + o.redeemed);
        }
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

    /** The best sellers of the period: most coupons sold, then most revenue, then the deal's id. */
    private List<DealLine> topDeals(String tenantId, Map<String, DealFigures> deals) {
        List<Map.Entry<String, DealFigures>> top = deals.entrySet().stream().filter(e -> e.getValue().sold > 0)
                .sorted(Comparator.<Map.Entry<String, DealFigures>>comparingLong(e -> -e.getValue().sold)
                        .thenComparing(e -> e.getValue().revenue, Comparator.reverseOrder())
                        .thenComparing(Map.Entry::getKey))
                .limit(TOP_DEALS).toList();
        if (top.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(List.of(tenantId));
        top.forEach(e -> parameters.add(e.getKey()));
        Map<String, Object[]> titles = new HashMap<>();
        for (Object[] r : sql.rows("SELECT id, title, currency FROM deal WHERE tenant_id = ? AND id IN ("
                + "?, ".repeat(top.size() - 1) + "?)", parameters)) {
            titles.put((String) r[0], r);
        }
        return top.stream().filter(e -> titles.containsKey(e.getKey())).map(e -> {
            Object[] d = titles.get(e.getKey());
            DealFigures f = e.getValue();
            return new DealLine(e.getKey(), (String) d[1], (String) d[2], f.sold, f.revenue, f.redeemed);
        }).toList();
    }

    private static BigDecimal ratio(long part, long whole, int scale) {
        return whole <= 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), scale, RoundingMode.HALF_EVEN);
    }

    /** The period as instants: from the start of {@code from} to the start of the day after {@code to}, in the zone. */
    private record Period(String tenantId, LocalDate from, LocalDate to, ZoneId zone) {

        /** The tenant, the ranges of hours as quarter hours and the period: the parameters of {@link #within}. */
        List<Object> within(List<long[]> ranges) {
            List<Object> parameters = new ArrayList<>(List.of(tenantId));
            ranges.forEach(r -> parameters.addAll(List.of(r[0] * 4, r[1] * 4)));
            parameters.add(start());
            parameters.add(end());
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
