package io.groupdeal.application;

import io.groupdeal.domain.coupon.Coupon;
import io.groupdeal.domain.coupon.CouponCode;
import io.groupdeal.domain.coupon.CouponStatus;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderStatus;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * The purchase most unit tests of buying and refunding are about: buyer-1's order-1 of tenant-1's deal-1 "Noodles" at
 * 9.90 EUR a coupon, and its coupon-1. A test names what it is about (status, dates, refund terms); the rest is this.
 */
public final class Noodles {

    public static final BigDecimal PRICE = new BigDecimal("9.90");

    private static final SecureRandom RANDOM = new SecureRandom();

    private Noodles() {}

    /** order-1 of {@code quantity} coupons, paid (or not) by {@code paymentRef}. */
    public static Order order(int quantity, OrderStatus status, String paymentRef, Instant createdAt) {
        return new Order(
                "tenant-1",
                "order-1",
                "deal-1",
                "buyer-1",
                quantity,
                PRICE,
                PRICE.multiply(BigDecimal.valueOf(quantity)),
                "EUR",
                status,
                paymentRef,
                createdAt,
                null);
    }

    /** coupon-1 of order-1, never redeemed nor refunded, with a random code. */
    public static Coupon coupon(
            CouponStatus status,
            Instant validUntil,
            Instant createdAt,
            boolean refundableAnytime,
            boolean autoRefundOnExpiry) {
        return coupon(CouponCode.random(RANDOM), status, validUntil, createdAt, refundableAnytime, autoRefundOnExpiry);
    }

    /** coupon-1 of order-1 with {@code code}, never redeemed nor refunded. */
    public static Coupon coupon(
            CouponCode code,
            CouponStatus status,
            Instant validUntil,
            Instant createdAt,
            boolean refundableAnytime,
            boolean autoRefundOnExpiry) {
        return new Coupon(
                "tenant-1",
                "coupon-1",
                "deal-1",
                "Noodles",
                "order-1",
                "buyer-1",
                code,
                status,
                PRICE,
                "EUR",
                validUntil,
                createdAt,
                null,
                null,
                null,
                refundableAnytime,
                autoRefundOnExpiry,
                null);
    }
}
