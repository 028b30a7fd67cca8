package io.groupdeal.interfaces.rest.platform;

import io.groupdeal.application.platform.TenantOverview;
import io.groupdeal.domain.tenant.Tenant;
import io.groupdeal.interfaces.money.Amounts;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A tenant for the operator, with its deals on sale now ({@code liveDeals}) and the coupons sold in the last 30 days:
 * how many ({@code soldLast30Days}, refunded ones included) and, per currency, the prices of those whose payment was
 * taken and not refunded ({@code revenueLast30Days}), as the deal report counts them, and whether its deals are
 * reviewed before they go live ({@code moderated}).
 */
public record TenantDto(
        String tenantId,
        String businessName,
        String status,
        String commissionRate,
        Instant createdAt,
        int liveDeals,
        int soldLast30Days,
        List<Revenue> revenueLast30Days,
        boolean moderated)
        implements Serializable {

    public static TenantDto of(TenantOverview overview) {
        Tenant tenant = overview.tenant();
        var figures = overview.figures();
        return new TenantDto(
                tenant.id(),
                tenant.businessName(),
                tenant.status().name(),
                tenant.commissionRate().toPlainString(),
                tenant.createdAt(),
                figures.liveDeals(),
                figures.sold(),
                figures.revenue().stream()
                        .map(r -> new Revenue(r.currency(), Amounts.format(r.amount(), r.currency())))
                        .toList(),
                tenant.isModerated());
    }

    /** {@code {"currency": "EUR", "amount": "39.80"}}: money with the currency's minor digits. */
    public record Revenue(String currency, String amount) implements Serializable {}
}
