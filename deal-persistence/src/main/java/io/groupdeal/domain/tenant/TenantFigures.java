package io.groupdeal.domain.tenant;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * A tenant's business at a glance, as the operator sees it in the tenant list: its deals on sale now ({@code SCHEDULED}
 * ones are not yet), and the coupons sold since a moment, counted as the deal report counts them: sold are all but
 * void ones (refunded included), revenue sums the prices of those whose payment was taken and not refunded
 * ({@code ACTIVE}, {@code REDEEMED}, {@code EXPIRED}), per currency in currency order.
 */
public record TenantFigures(int liveDeals, int sold, List<Revenue> revenue) implements Serializable {

    public static final TenantFigures NONE = new TenantFigures(0, 0, List.of());

    public TenantFigures {
        revenue = List.copyOf(revenue);
    }

    /** The revenue in one currency. */
    public record Revenue(String currency, BigDecimal amount) implements Serializable {}
}
