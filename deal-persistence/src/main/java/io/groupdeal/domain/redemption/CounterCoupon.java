package io.groupdeal.domain.redemption;

import io.groupdeal.domain.coupon.CouponCode;
import io.groupdeal.domain.coupon.CouponStatus;
import java.time.Instant;
import java.util.List;

/**
 * A coupon as the counter sees it: its deal's title and fine print, how many coupons its order holds, where and when
 * it was redeemed, and the stores where it is valid ({@code eligibleStoreIds}; empty: every store of the merchant).
 */
public record CounterCoupon(String tenantId, String id, CouponCode code, CouponStatus status, String dealId, String dealTitle,
                            String finePrint, Instant validUntil, int orderQuantity, Instant redeemedAt,
                            String redeemedStoreId, String redeemedStoreName, List<String> eligibleStoreIds) {

    public boolean validAt(String storeId) {
        return eligibleStoreIds.isEmpty() || eligibleStoreIds.contains(storeId);
    }
}
