package io.groupdeal.domain.report;

import io.groupdeal.domain.report.SummaryPlan.CouponMark;
import io.groupdeal.domain.report.SummaryPlan.Mark;
import io.groupdeal.domain.shared.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dashboard's summaries of closed hours (V16__dashboard_hours.sql), built from the coupons by a job, never by a
 * purchase or a redemption. Why the figures never drift from the coupons:
 *
 * <ol>
 * <li><b>Marks commit with the change.</b> Every change of a coupon inserts a stale mark of each hour it counts in,
 * in its own transaction ({@link StaleHours}); a mark is a new row, so changes never wait on each other or on the
 * job (no shared row, no hot row). A redemption, the most frequent change, marks the coupon itself instead: its
 * conditional update sets {@code coupon.summary_mark} to a fresh id, which stands for the hours the coupon counts
 * in (its sale's and its redemption's), without a write of its own. The row is the coupon's, which the redemption
 * writes anyway, so no two changes of different coupons share a row either.</li>
 * <li><b>A pass reads the marks before it reads the coupons, and deletes only those it read.</b> With the tenant's
 * {@code dashboard_summary} row locked, a pass reads the marks (rows and coupons'), then builds each hour to
 * rebuild in one {@code INSERT ... SELECT} (a consistent read without locks at READ COMMITTED, which starts after
 * the marks were read), then deletes exactly the marks it read, clears a coupon's mark only where it is still the
 * id it read (a conditional update: a coupon redeemed again since has a new one), and commits. A mark it read
 * belongs to a change committed before that read, so the build counts the change. A change that commits after the
 * build's read has a mark the pass did not read: it stays, and the hour is read from the coupons until a later pass
 * builds it again. A change committed while the pass runs is therefore never lost; at worst the hour is built
 * twice.</li>
 * <li><b>One pass per tenant at a time, on any number of instances.</b> The pass claims the tenant by
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} of its summary row: another instance skips the tenant. The whole pass is
 * one transaction, so an instance that dies in the middle leaves nothing half-built: the database rolls it back,
 * releases the row and the marks stay. The row is created (from the tenant's first coupon) in a transaction of its
 * own before any pass, so a pass always holds an existing row.</li>
 * <li><b>The read.</b> In one statement the dashboard reads {@code summarised_until} and the stale hours of the
 * period; an hour before it without a mark is taken from its summary, all others from the coupons. Given (2), an
 * hour without a visible mark has a summary equal to its coupons; the read of the summary comes later than that of
 * the marks, and a summary is only ever replaced whole by a newer one, so each hour is counted once and exactly as
 * its coupons were at some moment of the request (the same guarantee as the reads of the coupons, which are separate
 * statements at READ COMMITTED too).</li>
 * </ol>
 *
 * <b>Sums of the summaries (V27).</b> Three more summaries are sums of the hour summaries, written only by the pass
 * that builds those hours, in its transaction: {@code dashboard_hour_sales} (an hour's figures per currency, all deals
 * together), {@code dashboard_day} and {@code dashboard_day_store} (a UTC day's figures per deal and per store). So
 * each of their rows equals the sum of the hour rows it covers at every commit, and the dashboard reads them only
 * where it would read every one of those hour rows ({@link DashboardHours#split}): the argument above carries over.
 *
 * <p>Clocks do not matter for correctness: the job decides which hours are over from its own clock, and a purchase whose
 * moment falls into an hour built already (a late confirmation, an instance's clock behind) marks that hour.
 */
@ApplicationScoped
public class HourSummaries {

    static final String PAID = "status IN ('ACTIVE', 'REDEEMED', 'EXPIRED')";

    @Inject
    private NativeSql sql;

    // ---- the job ---------------------------------------------------------------------------------------------------

    /** A tenant with work for the job; {@code started}: it has its summary row. */
    public record Due(String tenantId, boolean started) {}

    /**
     * Tenants with work for the job: no summary row yet, hours closed since, or stale marks (rows or coupons') of
     * summarised hours.
     */
    public List<Due> tenantsDue(long closedUntil) {
        return sql.rows(
                "SELECT t.id AS tenant_id, s.tenant_id IS NOT NULL AS started FROM tenant t LEFT JOIN dashboard_summary s ON s.tenant_id = t.id"
                        + " WHERE s.tenant_id IS NULL OR s.summarised_until < ?"
                        + " UNION SELECT DISTINCT m.tenant_id, 1 FROM dashboard_stale_hour m"
                        + " JOIN dashboard_summary s ON s.tenant_id = m.tenant_id AND m.hour < s.summarised_until"
                        + " UNION SELECT DISTINCT c.tenant_id, 1 FROM dashboard_summary s JOIN coupon c ON c.tenant_id = s.tenant_id"
                        + " AND c.summary_mark IS NOT NULL AND (c.created_quarter < s.summarised_until * 4"
                        + " OR c.redeemed_quarter < s.summarised_until * 4)",
                List.of(closedUntil),
                r -> new Due(r.string("tenant_id"), r.flag("started")));
    }

    /**
     * Creates the tenant's summary row: summarised up to its first coupon's hour (nothing before it to summarise), or
     * up to {@code closedUntil} when it has none. False when it exists already.
     */
    public boolean start(String tenantId, long closedUntil, Instant now) {
        Long first = sql.one(
                "SELECT MIN(created_quarter) DIV 4 AS hour FROM coupon WHERE tenant_id = ?",
                List.of(tenantId),
                r -> r.nullableLong("hour"));
        long until = first == null ? closedUntil : Math.min(closedUntil, first);
        return sql.insertUnlessDuplicate(
                "INSERT INTO dashboard_summary (tenant_id, summarised_until, built_at) VALUES (?, ?, ?)",
                List.of(tenantId, until, now));
    }

    /** Locks the tenant's summary row and answers its {@code summarised_until}; empty when another pass holds it. */
    public Optional<Long> claim(String tenantId) {
        return sql.first(
                "SELECT summarised_until FROM dashboard_summary WHERE tenant_id = ? FOR UPDATE SKIP LOCKED",
                List.of(tenantId),
                r -> r.longValue("summarised_until"));
    }

    /** The tenant's stale marks of hours before {@code before}, oldest hours first. */
    public List<Mark> marks(String tenantId, long before, int limit) {
        return sql.rows(
                "SELECT hour, id FROM dashboard_stale_hour WHERE tenant_id = ? AND hour < ? ORDER BY hour, id LIMIT ?",
                List.of(tenantId, before, limit),
                r -> new Mark(r.longValue("hour"), r.string("id")));
    }

    /**
     * The tenant's marked coupons ({@code summary_mark}), oldest marks first, each with the hours it counts in now;
     * read from the index alone.
     */
    public List<CouponMark> couponMarks(String tenantId, int limit) {
        return sql.rows(
                "SELECT id, summary_mark, created_quarter DIV 4 AS sold_hour, redeemed_quarter DIV 4 AS redeemed_hour"
                        + " FROM coupon WHERE tenant_id = ? AND summary_mark IS NOT NULL ORDER BY summary_mark LIMIT ?",
                List.of(tenantId, limit),
                r -> {
                    Long redeemed = r.nullableLong("redeemed_hour");
                    return new CouponMark(
                            r.string("id"),
                            r.string("summary_mark"),
                            redeemed == null
                                    ? List.of(r.longValue("sold_hour"))
                                    : List.of(r.longValue("sold_hour"), redeemed));
                });
    }

    /** Builds the summaries of the hours {@code [from, to)} from the coupons, replacing what was there. */
    public void build(String tenantId, long from, long to) {
        List<Object> hours = List.of(tenantId, from, to);
        List<Object> quarters = List.of(tenantId, from * 4, to * 4);
        sql.update("DELETE FROM dashboard_hour WHERE tenant_id = ? AND hour >= ? AND hour < ?", hours);
        sql.update("DELETE FROM dashboard_hour_store WHERE tenant_id = ? AND hour >= ? AND hour < ?", hours);
        List<Object> both = new ArrayList<>(List.of(tenantId));
        both.addAll(quarters);
        both.addAll(quarters);
        sql.update(
                "INSERT INTO dashboard_hour (tenant_id, hour, deal_id, currency, sold, refunded, redeemed_of_sold, revenue,"
                        + " redeemed) SELECT ?, hour, deal_id, currency, SUM(sold), SUM(refunded), SUM(redeemed_of_sold), SUM(revenue),"
                        + " SUM(redeemed) FROM ("
                        + "SELECT created_quarter DIV 4 hour, deal_id, currency, COUNT(*) sold, SUM(status = 'REFUNDED') refunded,"
                        + " SUM(status = 'REDEEMED') redeemed_of_sold, COALESCE(SUM(CASE WHEN " + PAID
                        + " THEN price END), 0) revenue,"
                        + " 0 redeemed FROM coupon WHERE tenant_id = ? AND created_quarter >= ? AND created_quarter < ?"
                        + " AND status <> 'VOID' GROUP BY created_quarter DIV 4, deal_id, currency"
                        + " UNION ALL SELECT redeemed_quarter DIV 4, deal_id, currency, 0, 0, 0, 0, COUNT(*) FROM coupon"
                        + " WHERE tenant_id = ? AND redeemed_quarter >= ? AND redeemed_quarter < ? AND status = 'REDEEMED'"
                        + " GROUP BY redeemed_quarter DIV 4, deal_id, currency) c GROUP BY hour, deal_id, currency",
                both);
        sql.update(
                "INSERT INTO dashboard_hour_store (tenant_id, hour, store_id, redeemed) SELECT tenant_id, redeemed_quarter DIV 4,"
                        + " redeemed_store_id, COUNT(*) FROM coupon WHERE tenant_id = ? AND redeemed_quarter >= ? AND redeemed_quarter < ?"
                        + " AND status = 'REDEEMED' GROUP BY redeemed_quarter DIV 4, redeemed_store_id",
                quarters);
        sql.update("DELETE FROM dashboard_hour_sales WHERE tenant_id = ? AND hour >= ? AND hour < ?", hours);
        sql.update(
                "INSERT INTO dashboard_hour_sales (tenant_id, hour, currency, sold, refunded, redeemed_of_sold, revenue,"
                        + " redeemed) SELECT tenant_id, hour, currency, SUM(sold), SUM(refunded), SUM(redeemed_of_sold),"
                        + " SUM(revenue), SUM(redeemed) FROM dashboard_hour WHERE tenant_id = ? AND hour >= ? AND hour < ?"
                        + " GROUP BY hour, currency",
                hours);
    }

    /**
     * Sums the UTC days {@code [from, to)} again from their hour summaries, replacing what was there; in the pass that
     * built those hours, after them (the pass's own writes are visible to it), so that a day summary always equals
     * the sum of its hours' summaries, whether or not all its hours are summarised yet.
     */
    public void buildDays(String tenantId, long from, long to) {
        List<Object> days = List.of(tenantId, from, to);
        List<Object> hours = List.of(tenantId, from * DashboardHours.HOURS_A_DAY, to * DashboardHours.HOURS_A_DAY);
        sql.update("DELETE FROM dashboard_day WHERE tenant_id = ? AND day >= ? AND day < ?", days);
        sql.update("DELETE FROM dashboard_day_store WHERE tenant_id = ? AND day >= ? AND day < ?", days);
        sql.update(
                "INSERT INTO dashboard_day (tenant_id, day, deal_id, sold, revenue, redeemed) SELECT tenant_id, hour DIV 24,"
                        + " deal_id, SUM(sold), SUM(revenue), SUM(redeemed) FROM dashboard_hour"
                        + " WHERE tenant_id = ? AND hour >= ? AND hour < ? GROUP BY hour DIV 24, deal_id",
                hours);
        sql.update(
                "INSERT INTO dashboard_day_store (tenant_id, day, store_id, redeemed) SELECT tenant_id, hour DIV 24,"
                        + " store_id, SUM(redeemed) FROM dashboard_hour_store"
                        + " WHERE tenant_id = ? AND hour >= ? AND hour < ? GROUP BY hour DIV 24, store_id",
                hours);
    }

    /** Deletes the marks that a pass read (and so counted). */
    public void forget(String tenantId, List<Mark> marks) {
        if (!marks.isEmpty()) {
            sql.batch(
                    "DELETE FROM dashboard_stale_hour WHERE tenant_id = ? AND hour = ? AND id = ?",
                    marks.stream()
                            .map(m -> List.<Object>of(tenantId, m.hour(), m.id()))
                            .toList());
        }
    }

    /**
     * Clears the coupons' marks that a pass read (and so counted), each only while it is still the one read: a coupon
     * changed since keeps its newer mark. In the order of the coupons, so that two passes never wait on each other
     * crosswise.
     */
    public void clear(String tenantId, List<CouponMark> marks) {
        if (!marks.isEmpty()) {
            sql.batch(
                    "UPDATE coupon SET summary_mark = NULL WHERE tenant_id = ? AND id = ? AND summary_mark = ?",
                    marks.stream()
                            .sorted(Comparator.comparing(CouponMark::couponId))
                            .map(m -> List.<Object>of(tenantId, m.couponId(), m.mark()))
                            .toList());
        }
    }

    public void advance(String tenantId, long summarisedUntil, Instant now) {
        sql.update(
                "UPDATE dashboard_summary SET summarised_until = ?, built_at = ? WHERE tenant_id = ?",
                List.of(summarisedUntil, now, tenantId));
    }

    // ---- the read --------------------------------------------------------------------------------------------------

    /**
     * What the dashboard needs to know, read in one statement: {@code summarised_until} and the stale hours, marked by
     * rows or by coupons' marks.
     */
    public record State(long summarisedUntil, Set<Long> stale) {}

    public State state(String tenantId, long from, long to) {
        long until = Long.MIN_VALUE;
        Set<Long> stale = new TreeSet<>();
        for (Map.Entry<Boolean, Long> r : sql.report(
                "SELECT 0 AS stale, summarised_until AS hour FROM dashboard_summary WHERE tenant_id = ?"
                        + " UNION ALL SELECT DISTINCT 1, hour FROM dashboard_stale_hour WHERE tenant_id = ? AND hour >= ? AND hour < ?"
                        + " UNION ALL SELECT DISTINCT 1, created_quarter DIV 4 FROM coupon WHERE tenant_id = ?"
                        + " AND summary_mark IS NOT NULL AND created_quarter >= ? AND created_quarter < ?"
                        + " UNION ALL SELECT DISTINCT 1, redeemed_quarter DIV 4 FROM coupon WHERE tenant_id = ?"
                        + " AND summary_mark IS NOT NULL AND redeemed_quarter >= ? AND redeemed_quarter < ?",
                List.of(tenantId, tenantId, from, to, tenantId, from * 4, to * 4, tenantId, from * 4, to * 4),
                r -> Map.entry(r.flag("stale"), r.longValue("hour")))) {
            if (!r.getKey()) {
                until = r.getValue();
            } else {
                stale.add(r.getValue());
            }
        }
        return new State(until, stale);
    }
}
