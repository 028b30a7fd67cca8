package io.groupdeal.domain.report;

import static io.groupdeal.domain.shared.QuarterHours.Moment.REDEEMED;
import static io.groupdeal.domain.shared.QuarterHours.Moment.SOLD;

import io.groupdeal.domain.report.Dashboard.DealLine;
import io.groupdeal.domain.report.Dashboard.Money;
import io.groupdeal.domain.report.Dashboard.StoreLine;
import io.groupdeal.domain.shared.AnyNode;
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
 * their summaries ({@link HourSummaries}: built from the coupons by a job, marked stale by every change of a coupon;
 * the totals by deal and store of whole UTC days none of whose hours is read otherwise from the days' sums of them),
 * the others from the coupons themselves: the open hour, hours not summarised yet, stale hours, and hours in which one
 * of the tenant's days begins (zones whose offset is not whole hours). Those are range scans of covering indexes of
 * the coupons (by quarter hour of sale and of redemption, see V7__dashboard.sql and V8__quarter_hours.sql), grouped by
 * quarter hour as they are read, so that the days are the tenant's own (see {@link QuarterHours}); a summarised hour
 * lies wholly inside one day ({@link DashboardHours}). Both give exactly what counting every coupon gives. Those reads
 * decide no write, so they run on the read pool ({@link io.groupdeal.domain.shared.AnyNodeSql}), which a cluster
 * spreads over every database node.
 */
@ApplicationScoped
public class DashboardRepository {

    static final int TOP_DEALS = 5;
    private static final String PAID = HourSummaries.PAID;

    /** What merchants read: any database node in sync may answer it. */
    @Inject
    @AnyNode
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
        String currency = currencies.values().stream()
                .max(Comparator.comparingLong(Sales::sold))
                .map(Sales::currency)
                .orElse(null);
        long sold = currencies.values().stream().mapToLong(Sales::sold).sum();
        long refunded = currencies.values().stream().mapToLong(Sales::refunded).sum();
        Sales main = currency == null ? Sales.NONE : currencies.get(currency);
        Reviews reviews = sql.one(
                "SELECT COUNT(*) AS reviews, COALESCE(SUM(rating), 0) AS stars FROM review"
                        + " WHERE tenant_id = ? AND created_at >= ? AND created_at < ?",
                period.times(),
                r -> new Reviews(r.count("reviews"), r.count("stars")));
        OnSale deals = sql.one(
                "SELECT COALESCE(SUM(status = 'ON_SALE'), 0) AS on_sale,"
                        + " COALESCE(SUM(status = 'ON_SALE' AND tipped_at IS NULL), 0) AS not_tipped"
                        + " FROM deal WHERE tenant_id = ?",
                List.of(tenantId),
                r -> new OnSale(r.count("on_sale"), r.count("not_tipped")));
        return new Dashboard(
                from,
                to,
                zone.getId(),
                sold,
                refunded,
                figures.redeemedByStore.values().stream()
                        .mapToLong(Long::longValue)
                        .sum(),
                ratio(figures.redeemedSinceSold, sold - refunded, 4),
                currency,
                main.revenue,
                currencies.values().stream()
                        .map(s -> new Money(s.currency, s.revenue))
                        .toList(),
                ratio(reviews.stars(), reviews.count(), 2),
                reviews.count(),
                deals.onSale(),
                deals.notTipped(),
                period.days()
                        .map(day -> day(day, days.get(day), currency, figures.redeemedByDay))
                        .toList(),
                stores(tenantId, figures.redeemedByStore),
                topDeals(tenantId, figures.deals));
    }

    /**
     * The summarised hours of {@code [first, summaryEnd)}, but for the live ones among them: the figures by hour and
     * currency (summed by the tenant's day here) from each hour's sales, the totals by store and deal from the whole
     * UTC days' summaries and, for the hours outside those days, from the hours' (see {@link DashboardHours#split}).
     */
    private void summarised(String tenantId, DashboardHours hours, long summaryEnd, ZoneId zone, Figures figures) {
        List<Long> skip = hours.liveBefore(summaryEnd);
        String where = " WHERE tenant_id = ? AND hour >= ? AND hour < ?"
                + (skip.isEmpty() ? "" : " AND hour NOT IN (" + "?, ".repeat(skip.size() - 1) + "?)");
        List<Object> parameters = new ArrayList<>(List.of(tenantId, hours.first(), summaryEnd));
        parameters.addAll(skip);
        for (HourSales h : sql.report(
                "SELECT hour, currency, sold, refunded, redeemed_of_sold, revenue, redeemed FROM dashboard_hour_sales"
                        + where,
                parameters,
                r -> new HourSales(
                        r.longValue("hour"),
                        new Sales(r.count("sold"), r.count("refunded"), r.decimal("revenue"), r.string("currency")),
                        r.count("redeemed_of_sold"),
                        r.count("redeemed")))) {
            LocalDate day = DashboardHours.start(h.hour()).atZone(zone).toLocalDate();
            figures.sales(day, h.sales(), h.redeemedOfSold());
            figures.redeemedByDay.merge(day, h.redeemed(), Long::sum);
        }
        DashboardHours.Split split = hours.split(summaryEnd);
        storesAndDeals(tenantId, "dashboard_day", "dashboard_day_store", "day", split.days(), figures);
        storesAndDeals(tenantId, "dashboard_hour", "dashboard_hour_store", "hour", split.hours(), figures);
    }

    /** The redemptions by store and the sales and redemptions by deal of {@code ranges} of days or hours. */
    private void storesAndDeals(
            String tenantId, String deals, String stores, String unit, List<long[]> ranges, Figures figures) {
        if (ranges.isEmpty()) {
            return;
        }
        String one = "(" + unit + " >= ? AND " + unit + " < ?)";
        String where = " WHERE tenant_id = ? AND ("
                + String.join(" OR ", java.util.Collections.nCopies(ranges.size(), one)) + ")";
        List<Object> parameters = new ArrayList<>(List.of(tenantId));
        ranges.forEach(r -> parameters.addAll(List.of(r[0], r[1])));
        for (Map.Entry<String, Long> s : sql.report(
                "SELECT store_id, SUM(redeemed) AS redeemed FROM " + stores + where + " GROUP BY store_id",
                parameters,
                r -> Map.entry(r.string("store_id"), r.count("redeemed")))) {
            figures.redeemedByStore.merge(s.getKey(), s.getValue(), Long::sum);
        }
        for (Map.Entry<String, DealFigures> d : sql.report(
                "SELECT deal_id, SUM(sold) AS sold, SUM(revenue) AS revenue, SUM(redeemed) AS redeemed FROM " + deals
                        + where + " GROUP BY deal_id",
                parameters,
                r -> Map.entry(
                        r.string("deal_id"),
                        new DealFigures(r.count("sold"), r.decimal("revenue"), r.count("redeemed"))))) {
            figures.deal(
                    d.getKey(),
                    d.getValue().sold(),
                    d.getValue().revenue(),
                    d.getValue().redeemed());
        }
    }

    /**
     * The live hours, from the coupons, by quarter hour; their totals by deal and store only for the hours in
     * {@link DashboardHours#liveTotals} (the others' come from their summaries, see {@link #summarised}).
     */
    private void live(Period period, DashboardHours hours, ZoneId zone, Figures figures) {
        List<long[]> ranges = hours.liveRanges();
        for (QuarterSales q : sql.report(
                "SELECT " + SOLD.quarter() + " AS quarter, currency, deal_id, COUNT(*) AS sold,"
                        + " SUM(status = 'REFUNDED') AS refunded, SUM(status = 'REDEEMED') AS redeemed,"
                        + " COALESCE(SUM(CASE WHEN " + PAID + " THEN price END), 0) AS revenue FROM coupon"
                        + " WHERE tenant_id = ? AND " + within(SOLD, ranges.size()) + " AND status <> 'VOID'"
                        + " GROUP BY " + SOLD.quarter() + ", currency, deal_id",
                period.within(ranges),
                r -> new QuarterSales(
                        r.longValue("quarter"),
                        r.string("deal_id"),
                        new Sales(r.count("sold"), r.count("refunded"), r.decimal("revenue"), r.string("currency")),
                        r.count("redeemed")))) {
            figures.sales(QuarterHours.day(q.quarter(), zone), q.sales(), q.redeemed());
            if (hours.liveTotals().contains(Math.floorDiv(q.quarter(), 4))) {
                figures.deal(q.dealId(), q.sales().sold, q.sales().revenue, 0);
            }
        }
        for (Redeemed q : sql.report(
                "SELECT " + REDEEMED.quarter() + " AS quarter, redeemed_store_id AS store_id, deal_id,"
                        + " COUNT(*) AS redeemed FROM coupon"
                        + " WHERE tenant_id = ? AND " + within(REDEEMED, ranges.size()) + " AND status = 'REDEEMED'"
                        + " GROUP BY " + REDEEMED.quarter() + ", redeemed_store_id, deal_id",
                period.within(ranges),
                r -> new Redeemed(
                        r.longValue("quarter"), r.string("store_id"), r.string("deal_id"), r.count("redeemed")))) {
            figures.redeemedByDay.merge(QuarterHours.day(q.quarter(), zone), q.count(), Long::sum);
            if (hours.liveTotals().contains(Math.floorDiv(q.quarter(), 4))) {
                figures.redeemedByStore.merge(q.storeId(), q.count(), Long::sum);
                figures.deal(q.dealId(), 0, BigDecimal.ZERO, q.count());
            }
        }
    }

    /** A summarised hour's sales in one currency, and its redemptions. */
    private record HourSales(long hour, Sales sales, long redeemedOfSold, long redeemed) {}

    /** A live quarter hour's sales of one deal in one currency. */
    private record QuarterSales(long quarter, String dealId, Sales sales, long redeemed) {}

    /** A live quarter hour's redemptions of one deal at one store. */
    private record Redeemed(long quarter, String storeId, String dealId, long count) {}

    /** The moment lies in one of {@code ranges} of hours (as quarters: the index) and in the period (exact). */
    private static String within(QuarterHours.Moment moment, int ranges) {
        String one = "(" + moment.quarter() + " >= ? AND " + moment.quarter() + " < ?)";
        return "(" + String.join(" OR ", java.util.Collections.nCopies(ranges, one)) + ") AND " + moment.time()
                + " >= ? AND " + moment.time() + " < ?";
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
        return sql
                .report(
                        "SELECT id, name, archived_at IS NOT NULL AS archived FROM store WHERE tenant_id = ? ORDER BY name, id",
                        List.of(tenantId),
                        r -> new Store(r.string("id"), r.string("name"), r.flag("archived")))
                .stream()
                .filter(s -> !s.archived() || redeemed.containsKey(s.id()))
                .map(s -> new StoreLine(s.id(), s.name(), redeemed.getOrDefault(s.id(), 0L)))
                .sorted(Comparator.comparingLong(StoreLine::redeemed).reversed())
                .toList();
    }

    /** The best sellers of the period: most coupons sold, then most revenue, then the deal's id. */
    private List<DealLine> topDeals(String tenantId, Map<String, DealFigures> deals) {
        List<Map.Entry<String, DealFigures>> top = deals.entrySet().stream()
                .filter(e -> e.getValue().sold > 0)
                .sorted(Comparator.<Map.Entry<String, DealFigures>>comparingLong(e -> -e.getValue().sold)
                        .thenComparing(e -> e.getValue().revenue, Comparator.reverseOrder())
                        .thenComparing(Map.Entry::getKey))
                .limit(TOP_DEALS)
                .toList();
        if (top.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(List.of(tenantId));
        top.forEach(e -> parameters.add(e.getKey()));
        Map<String, Title> titles = new HashMap<>();
        sql.rows(
                        "SELECT id, title, currency FROM deal WHERE tenant_id = ? AND id IN ("
                                + "?, ".repeat(top.size() - 1) + "?)",
                        parameters,
                        r -> new Title(r.string("id"), r.string("title"), r.string("currency")))
                .forEach(t -> titles.put(t.dealId(), t));
        return top.stream()
                .filter(e -> titles.containsKey(e.getKey()))
                .map(e -> {
                    Title d = titles.get(e.getKey());
                    DealFigures f = e.getValue();
                    return new DealLine(e.getKey(), d.title(), d.currency(), f.sold, f.revenue, f.redeemed);
                })
                .toList();
    }

    /** A store of the tenant, and whether it is archived. */
    private record Store(String id, String name, boolean archived) {}

    /** A deal's name and currency, as its line among the best sellers shows them. */
    private record Title(String dealId, String title, String currency) {}

    /** The period's reviews and the sum of their stars. */
    private record Reviews(long count, long stars) {}

    /** The tenant's deals on sale, and those of them not tipped yet. */
    private record OnSale(long onSale, long notTipped) {}

    private static BigDecimal ratio(long part, long whole, int scale) {
        return whole <= 0
                ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), scale, RoundingMode.HALF_EVEN);
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
    private record Sales(
            long sold, long refunded, BigDecimal revenue, String currency, Map<String, BigDecimal> revenueIn) {

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
