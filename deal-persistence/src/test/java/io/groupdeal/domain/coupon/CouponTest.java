package io.groupdeal.domain.coupon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderStatus;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

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

    /** A refundable deal's coupon, valid for another minute or ({@code secondsValid} 0) at its last valid moment. */
    @ParameterizedTest(name = "{0} valid {1} s more: {2}")
    @CsvSource({
        "ACTIVE, 60, ",
        "ACTIVE, 0, EXPIRED",
        "PENDING, 60, PENDING",
        "REDEEMED, 60, REDEEMED",
        "REFUNDED, 60, REFUNDED",
        "EXPIRED, 60, EXPIRED",
        "VOID, 60, VOID"
    })
    void eachRefusedRefundSaysWhy(CouponStatus status, long secondsValid, RefundRefusal refusal) {
        assertEquals(
                Optional.ofNullable(refusal),
                coupon(status, NOW.plusSeconds(secondsValid), true).refundRefusalAt(NOW));
    }

    @ParameterizedTest
    @EnumSource(CouponStatus.class)
    void theDealsPolicyIsTheFirstReasonWhateverTheCoupon(CouponStatus status) {
        assertEquals(
                Optional.of(RefundRefusal.POLICY), coupon(status, NOW, false).refundRefusalAt(NOW));
    }

    @Test
    void anOrderIssuesOneCouponPerUnitNotRedeemedNorRefundedYetEachWithItsOwnCode() {
        Order order = new Order(
                "t",
                "o",
                "d",
                "b",
                3,
                new BigDecimal("9.90"),
                new BigDecimal("29.70"),
                "EUR",
                OrderStatus.PENDING,
                "pay",
                NOW,
                "option");
        List<Coupon> issued =
                Coupon.issueFor(order, "Noodles", CouponStatus.PENDING, NOW.plusSeconds(60), NOW, new SecureRandom());
        assertEquals(3, issued.size());
        assertEquals(3, issued.stream().map(Coupon::code).distinct().count());
        assertEquals(
                issued.stream().map(Coupon::id).sorted().toList(),
                issued.stream().map(Coupon::id).toList());
        for (Coupon coupon : issued) {
            assertEquals(NOW, coupon.createdAt());
            assertEquals(new BigDecimal("9.90"), coupon.price());
            assertEquals("o", coupon.orderId());
            assertEquals(null, coupon.redeemedAt());
            assertEquals(null, coupon.refundedAt());
            assertFalse(coupon.isRefundable(NOW));
        }
    }
}
