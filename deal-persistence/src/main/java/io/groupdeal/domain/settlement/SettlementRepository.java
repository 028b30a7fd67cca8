package io.groupdeal.domain.settlement;

import io.groupdeal.domain.shared.NativeSql;
import io.groupdeal.domain.shared.QuarterHours;
import io.groupdeal.domain.tenant.CommissionHistory;
import io.groupdeal.domain.tenant.CommissionHistory.RatedPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sums of a tenant's coupons that are redeemed and were redeemed in a period (an undone redemption does not count),
 * each at the commission rate in force when it was redeemed: the period is cut at every change of rate and each part
 * is summed on its own (one range of the covering index each).
 */
@ApplicationScoped
public class SettlementRepository {

    @Inject
    private NativeSql sql;

    /** Per currency and rate (see {@link SettlementLines}): how many coupons, the sum of their prices, the commission. */
    public List<SettlementLine> lines(String tenantId, Instant from, Instant to, CommissionHistory commission) {
        SettlementLines lines = new SettlementLines();
        for (RatedPeriod part : commission.split(from, to)) {
            List<Object> parameters = new ArrayList<>(List.of(tenantId));
            parameters.addAll(QuarterHours.bounds(part.from(), part.to()));
            sql.report(
                            "SELECT currency, COUNT(*) AS coupons, SUM(price) AS total FROM coupon WHERE tenant_id = ? AND "
                                    + QuarterHours.Moment.REDEEMED.within()
                                    + " AND status = 'REDEEMED' GROUP BY currency ORDER BY currency",
                            parameters,
                            r -> new Redeemed(r.string("currency"), r.count("coupons"), r.decimal("total")))
                    .forEach(r -> lines.add(r.currency(), part.rate(), r.coupons(), r.total()));
        }
        return lines.lines();
    }

    /** The coupons of one currency redeemed in a part of the period, and the sum of their prices. */
    private record Redeemed(String currency, long coupons, java.math.BigDecimal total) {}
}
