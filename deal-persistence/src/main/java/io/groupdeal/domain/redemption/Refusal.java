package io.groupdeal.domain.redemption;

/**
 * Why a coupon cannot be redeemed at a store now ({@link CounterCoupon#refusalAt}). The application words each as its
 * problem; a coupon handed over offline that meets any of them is a double use, not an error of the phone.
 */
public enum Refusal {
    /** PENDING: its deal has not reached its tipping point, so it is not paid yet. */
    DEAL_NOT_TIPPED,
    /** REDEEMED already (where and when are on the coupon). */
    ALREADY_REDEEMED,
    /** EXPIRED, or ACTIVE past its last valid moment before the expiry job came by. */
    EXPIRED,
    /** REFUNDED: its money went back to the buyer. */
    REFUNDED,
    /** VOID: its deal failed or was cancelled. */
    VOID,
    /** ACTIVE and valid, but its deal names other stores than this one. */
    NOT_VALID_AT_STORE
}
