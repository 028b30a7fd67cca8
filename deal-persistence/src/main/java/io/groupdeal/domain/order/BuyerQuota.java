package io.groupdeal.domain.order;

import io.groupdeal.domain.shared.AccountId;
import io.groupdeal.domain.shared.TenantId;
import java.util.Objects;

/**
 * Which count of coupons a deal's per-buyer limit holds: one buyer's, for one deal of one tenant. Its three ids are
 * typed apart (a deal's id stays a string, the only one of its kind here) so that a buyer's id never takes the
 * tenant's place in the count's key.
 */
public record BuyerQuota(TenantId tenant, String dealId, AccountId buyer) {

    public BuyerQuota {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(dealId, "deal");
        Objects.requireNonNull(buyer, "buyer");
    }

    /** The count the order's coupons were taken from. */
    public static BuyerQuota of(Order order) {
        return new BuyerQuota(new TenantId(order.tenantId()), order.dealId(), new AccountId(order.buyerId()));
    }
}
