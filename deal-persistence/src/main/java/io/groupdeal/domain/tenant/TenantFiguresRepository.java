package io.groupdeal.domain.tenant;

import io.groupdeal.domain.shared.NativeSql;
import io.groupdeal.domain.shared.QuarterHours;
import io.groupdeal.domain.tenant.TenantFigures.Revenue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts {@link TenantFigures} for a page of tenants at once: one grouped query of the deals and one of the coupons over
 * {@code tenant_id IN (...)}, not queries per tenant. The coupons of the period are one range per tenant of the covering
 * index {@code ix_coupon_sales (tenant_id, created_quarter, currency, status, price, ...)} of V8__quarter_hours.sql: no
 * coupon row is read, nor the index entries of older sales.
 */
@ApplicationScoped
public class TenantFiguresRepository {

    private static final String PAID = "status IN ('ACTIVE', 'REDEEMED', 'EXPIRED')";

    @Inject
    private NativeSql sql;

    /** The figures of each of the tenants (zeros for one without deals or sales), counting coupons sold from {@code from} to {@code to}. */
    public Map<String, TenantFigures> of(List<String> tenantIds, Instant from, Instant to) {
        Map<String, TenantFigures> figures = new HashMap<>();
        if (tenantIds.isEmpty()) {
            return figures;
        }
        String in = "tenant_id IN (" + "?, ".repeat(tenantIds.size() - 1) + "?)";
        Map<String, Integer> live = new HashMap<>();
        sql.rows(
                "SELECT tenant_id, COUNT(*) AS n FROM deal WHERE " + in + " AND status = 'ON_SALE' GROUP BY tenant_id",
                tenantIds,
                r -> live.put(r.string("tenant_id"), (int) r.count("n")));
        Map<String, Integer> sold = new HashMap<>();
        Map<String, List<Revenue>> revenue = new HashMap<>();
        List<Object> parameters = new ArrayList<>(tenantIds);
        parameters.addAll(QuarterHours.bounds(from, to));
        sql.rows(
                "SELECT tenant_id, currency, COUNT(*) AS sold, COALESCE(SUM(CASE WHEN " + PAID
                        + " THEN price END), 0) AS revenue"
                        + " FROM coupon WHERE " + in + " AND " + QuarterHours.Moment.SOLD.within()
                        + " AND status <> 'VOID' GROUP BY tenant_id, currency"
                        + " ORDER BY tenant_id, currency",
                parameters,
                r -> {
                    String tenantId = r.string("tenant_id");
                    sold.merge(tenantId, (int) r.count("sold"), Integer::sum);
                    revenue.computeIfAbsent(tenantId, t -> new ArrayList<>())
                            .add(new Revenue(r.string("currency"), r.decimal("revenue")));
                    return tenantId;
                });
        for (String tenantId : tenantIds) {
            figures.put(
                    tenantId,
                    new TenantFigures(
                            live.getOrDefault(tenantId, 0),
                            sold.getOrDefault(tenantId, 0),
                            revenue.getOrDefault(tenantId, List.of())));
        }
        return figures;
    }
}
