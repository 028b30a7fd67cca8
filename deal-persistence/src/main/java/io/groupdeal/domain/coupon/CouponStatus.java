package io.groupdeal.domain.coupon;

/** PENDING until the deal tips; ACTIVE can be redeemed; the others are final. */
public enum CouponStatus {
    PENDING,
    ACTIVE,
    REDEEMED,
    EXPIRED,
    REFUNDED,
    VOID
}
