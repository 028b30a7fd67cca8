package io.groupdeal.domain.deal;

/** NONE: coupons are not refundable. ANYTIME: the buyer may refund an unused coupon until it expires. */
public enum RefundPolicy {
    NONE,
    ANYTIME
}
