package io.groupdeal.interfaces.rest.order;

import io.groupdeal.domain.coupon.Coupon;
import io.groupdeal.interfaces.money.Amounts;
import java.time.Instant;

/**
 * A coupon as its buyer sees it; {@code code} is printed as XXXX-XXXX-XXXX-C; {@code optionTitle} is the option bought
 * when the deal has several (else null).
 */
public record CouponDto(
        String code,
        String dealId,
        String dealTitle,
        String status,
        Instant validUntil,
        Instant redeemedAt,
        String price,
        String currency,
        String orderId,
        Instant refundedAt,
        String optionTitle) {

    public static CouponDto of(Coupon c) {
        return new CouponDto(
                c.code().printed(),
                c.dealId(),
                c.dealTitle(),
                c.status().name(),
                c.validUntil(),
                c.redeemedAt(),
                Amounts.format(c.price(), c.currency()),
                c.currency(),
                c.orderId(),
                c.refundedAt(),
                c.optionTitle());
    }
}
