package io.groupdeal.domain.coupon;

/** Why a buyer cannot have a coupon's money back now ({@link Coupon#refundRefusalAt}). */
public enum RefundRefusal {
    /** Its deal does not let buyers ask for refunds. */
    POLICY,
    /** PENDING: its deal has not tipped, so nothing was charged yet. */
    PENDING,
    /** REDEEMED: it was used. */
    REDEEMED,
    /** REFUNDED already. */
    REFUNDED,
    /** EXPIRED, or ACTIVE past its last valid moment. */
    EXPIRED,
    /** VOID: its deal failed or was cancelled (and paid back what was charged). */
    VOID
}
