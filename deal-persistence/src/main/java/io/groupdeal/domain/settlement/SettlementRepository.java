package io.groupdeal.domain.settlement;

import io.groupdeal.domain.shared.NativeSql;
import io.groupdeal.domain.shared.QuarterHours;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Sums of a tenant's coupons that are redeemed and were redeemed in a period (an undone redemption does not count). */
@ApplicationScoped
public class SettlementRepository {

    @Inject
    private NativeSql sql;

    /** Per currency, in currency order: how many coupons and the sum of their prices. */
    public List<SettlementLine> lines(String tenantId, Instant from, Instant to, BigDecimal commissionRate) {
        List<Object> parameters = new ArrayList<>(List.of(tenantId));
        parameters.addAll(QuarterHours.bounds(from, to));
        return sql.report("SELECT currency, COUNT(*), SUM(price) FROM coupon WHERE tenant_id = ? AND "
                        + QuarterHours.Moment.REDEEMED.within() + " AND status = 'REDEEMED' GROUP BY currency ORDER BY currency",
                parameters).stream()
                .map(r -> SettlementLine.of((String) r[0], NativeSql.count(r[1]), NativeSql.decimal(r[2]), commissionRate))
                .toList();
    }
}
