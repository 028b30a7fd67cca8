package io.groupdeal.domain.coupon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A buyer may ask for the money back for an unused coupon that is still valid, when its deal allows refunds. */
class CouponTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static Coupon coupon(CouponStatus status, Instant validUntil, boolean refundable) {
        return new Coupon(
                "t",
                "c",
                "d",
                "Noodles",
                "o",
                "b",
                CouponCode.random(new SecureRandom()),
                status,
                new BigDecimal("9.90"),
                "EUR",
                validUntil,
                NOW,
                null,
                null,
                null,
                refundable,
                false,
                null);
    }

    @Test
    void onlyAnActiveValidCouponOfARefundableDealIsRefundable() {
        assertTrue(coupon(CouponStatus.ACTIVE, NOW.plusSeconds(1), true).isRefundable(NOW));
        assertFalse(coupon(CouponStatus.ACTIVE, NOW, true).isRefundable(NOW), "valid until is exclusive");
        assertFalse(coupon(CouponStatus.ACTIVE, NOW.plusSeconds(1), false).isRefundable(NOW));
        for (CouponStatus status : CouponStatus.values()) {
            if (status != CouponStatus.ACTIVE) {
                assertFalse(coupon(status, NOW.plusSeconds(60), true).isRefundable(NOW), status.toString());
            }
        }
    }

    @Test
    void eachRefusedRefundSaysWhyTheDealsPolicyFirst() {
        Instant valid = NOW.plusSeconds(60);
        assertEquals(Optional.empty(), coupon(CouponStatus.ACTIVE, valid, true).refundRefusalAt(NOW));
        assertEquals(
                Optional.of(RefundRefusal.EXPIRED),
                coupon(CouponStatus.ACTIVE, NOW, true).refundRefusalAt(NOW));
        assertEquals(
                Optional.of(RefundRefusal.PENDING),
                coupon(CouponStatus.PENDING, valid, true).refundRefusalAt(NOW));
        assertEquals(
                Optional.of(RefundRefusal.REDEEMED),
                coupon(CouponStatus.REDEEMED, valid, true).refundRefusalAt(NOW));
        assertEquals(
                Optional.of(RefundRefusal.REFUNDED),
                coupon(CouponStatus.REFUNDED, valid, true).refundRefusalAt(NOW));
        assertEquals(
                Optional.of(RefundRefusal.EXPIRED),
                coupon(CouponStatus.EXPIRED, valid, true).refundRefusalAt(NOW));
        assertEquals(
                Optional.of(RefundRefusal.VOID),
                coupon(CouponStatus.VOID, valid, true).refundRefusalAt(NOW));
        for (CouponStatus status : CouponStatus.values()) {
            assertEquals(
                    Optional.of(RefundRefusal.POLICY),
                    coupon(status, NOW, false).refundRefusalAt(NOW),
                    status.name());
        }
    }

    @Test
    void anIssuedCouponIsNotRedeemedNorRefundedYet() {
        Coupon issued = Coupon.issue(
                "t",
                "c",
                "d",
                "Noodles",
                "o",
                "b",
                CouponCode.random(new SecureRandom()),
                CouponStatus.PENDING,
                new BigDecimal("9.90"),
                "EUR",
                NOW.plusSeconds(60),
                NOW);
        assertEquals(NOW, issued.createdAt());
        assertEquals(null, issued.redeemedAt());
        assertEquals(null, issued.refundedAt());
        assertFalse(issued.isRefundable(NOW));
    }
}
