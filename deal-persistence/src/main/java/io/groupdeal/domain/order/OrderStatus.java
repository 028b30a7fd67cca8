package io.groupdeal.domain.order;

/**
 * RESERVED: stock and quota taken, the payment in progress (no coupons yet). DECLINED: the card was refused, the
 * stock and quota given back. PENDING: paid by an authorisation, the deal not tipped yet. CONFIRMED: captured. CANCELLED: the authorisation was
 * voided (the deal failed or was cancelled before tipping), or the payment failed or was never made (its stock and
 * quota given back). REFUNDED / PARTIALLY_REFUNDED: money went back for every
 * coupon or for some.
 */
public enum OrderStatus {
    RESERVED,
    PENDING,
    CONFIRMED,
    DECLINED,
    CANCELLED,
    REFUNDED,
    PARTIALLY_REFUNDED
}
