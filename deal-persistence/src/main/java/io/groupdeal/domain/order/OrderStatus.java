package io.groupdeal.domain.order;

/**
 * PENDING: paid by an authorisation, the deal not tipped yet. CONFIRMED: captured. CANCELLED: the authorisation was
 * voided (the deal failed or was cancelled before tipping). REFUNDED / PARTIALLY_REFUNDED: money went back for every
 * coupon or for some.
 */
public enum OrderStatus {
    PENDING, CONFIRMED, CANCELLED, REFUNDED, PARTIALLY_REFUNDED
}
