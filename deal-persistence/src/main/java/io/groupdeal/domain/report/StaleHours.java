package io.groupdeal.domain.report;

import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule every change of a coupon keeps so that the dashboard's hour summaries never drift from the coupons:
 * in the transaction of the change, mark the hours the coupon counts in (the hour of its sale, and of its redemption
 * before and after) as stale. A mark is a new row of {@code dashboard_stale_hour} with a fresh id, so marks never wait
 * on each other and no purchase or redemption updates a shared row. Until the job has built a marked hour again, the
 * dashboard reads it from the coupons ({@link HourSummaries} says why a mark committed with the change suffices).
 * The coupon repositories call it; a history written by hand (a test, a bench loader) must do the same. A redemption
 * is the one change that marks otherwise: its update sets the coupon's own {@code summary_mark}
 * ({@code RedemptionRepository.redeem}), so that the counter writes no row for the dashboard.
 */
@ApplicationScoped
public class StaleHours {

    private static final String INSERT = "INSERT INTO dashboard_stale_hour (tenant_id, hour, id)";
    private static final String HOURS_OF =
            " SELECT tenant_id, created_quarter DIV 4, ? FROM coupon WHERE tenant_id = ? AND %1$s"
                    + " UNION SELECT tenant_id, redeemed_quarter DIV 4, ? FROM coupon WHERE tenant_id = ? AND %1$s AND redeemed_quarter IS NOT NULL";

    @Inject
    private NativeSql sql;

    /** New coupons, sold at these moments (their hour may be summarised already when the sale is confirmed late). */
    public void sold(String tenantId, List<Instant> moments) {
        List<Long> hours =
                moments.stream().map(DashboardHours::hourOf).distinct().toList();
        if (hours.isEmpty()) {
            return;
        }
        String id = Ids.newId();
        List<Object> parameters = new ArrayList<>();
        hours.forEach(h -> parameters.addAll(List.of(tenantId, h, id)));
        sql.update(
                INSERT + " VALUES " + String.join(", ", java.util.Collections.nCopies(hours.size(), "(?, ?, ?)")),
                parameters);
    }

    /**
     * A coupon changed: its hours as they are now, and the hour of the redemption it no longer has
     * ({@code formerRedemption}, null when none).
     */
    public void coupon(String tenantId, String couponId, Instant formerRedemption) {
        String id = Ids.newId();
        List<Object> parameters = new ArrayList<>(List.of(id, tenantId, couponId, id, tenantId, couponId));
        String extra = "";
        if (formerRedemption != null) {
            extra = " UNION SELECT ?, ?, ?";
            parameters.addAll(List.of(tenantId, DashboardHours.hourOf(formerRedemption), id));
        }
        sql.update(INSERT + String.format(HOURS_OF, "id = ?") + extra, parameters);
    }

    /** The coupons of an order changed. */
    public void order(String tenantId, String orderId) {
        String id = Ids.newId();
        sql.update(
                INSERT + String.format(HOURS_OF, "order_id = ?"),
                List.of(id, tenantId, orderId, id, tenantId, orderId));
    }
}
