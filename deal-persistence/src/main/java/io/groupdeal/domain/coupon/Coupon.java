package io.groupdeal.domain.coupon;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One coupon: one unit of a deal bought in an order, with its own code. {@code refundableAnytime} and
 * {@code autoRefundOnExpiry} are its deal's refund policy; {@code optionTitle} the option its order bought when the
 * deal has several (else null, see {@link io.groupdeal.domain.deal.OptionTitles}).
 */
public record Coupon(
        String tenantId,
        String id,
        String dealId,
        String dealTitle,
        String orderId,
        String buyerId,
        CouponCode code,
        CouponStatus status,
        BigDecimal price,
        String currency,
        Instant validUntil,
        Instant createdAt,
        Instant redeemedAt,
        String redeemedStoreId,
        Instant refundedAt,
        boolean refundableAnytime,
        boolean autoRefundOnExpiry,
        String optionTitle) {

    /** A coupon of a deal with one option. */
    public Coupon(
            String tenantId,
            String id,
            String dealId,
            String dealTitle,
            String orderId,
            String buyerId,
            CouponCode code,
            CouponStatus status,
            BigDecimal price,
            String currency,
            Instant validUntil,
            Instant createdAt,
            Instant redeemedAt,
            String redeemedStoreId,
            Instant refundedAt,
            boolean refundableAnytime,
            boolean autoRefundOnExpiry) {
        this(
                tenantId,
                id,
                dealId,
                dealTitle,
                orderId,
                buyerId,
                code,
                status,
                price,
                currency,
                validUntil,
                createdAt,
                redeemedAt,
                redeemedStoreId,
                refundedAt,
                refundableAnytime,
                autoRefundOnExpiry,
                null);
    }

    /** A new coupon of an order, before it is stored. */
    public static Coupon issue(
            String tenantId,
            String id,
            String dealId,
            String dealTitle,
            String orderId,
            String buyerId,
            CouponCode code,
            CouponStatus status,
            BigDecimal price,
            String currency,
            Instant validUntil,
            Instant now) {
        return new Coupon(
                tenantId,
                id,
                dealId,
                dealTitle,
                orderId,
                buyerId,
                code,
                status,
                price,
                currency,
                validUntil,
                now,
                null,
                null,
                null,
                false,
                false);
    }

    /** The deal's title with the option's, as people read it. */
    public String title() {
        return io.groupdeal.domain.deal.OptionTitles.joined(dealTitle, optionTitle);
    }

    /** The buyer may ask for the money back: unused, not expired, and the deal allows it. */
    public boolean isRefundable(Instant now) {
        return refundRefusalAt(now).isEmpty();
    }

    /**
     * Why the buyer cannot have the money back at {@code now}; empty when they can. The deal's policy decides first, then
     * the coupon's state; an ACTIVE coupon at or past its last valid moment is expired.
     */
    public Optional<RefundRefusal> refundRefusalAt(Instant now) {
        if (!refundableAnytime) {
            return Optional.of(RefundRefusal.POLICY);
        }
        return Optional.ofNullable(
                switch (status) {
                    case PENDING -> RefundRefusal.PENDING;
                    case REDEEMED -> RefundRefusal.REDEEMED;
                    case REFUNDED -> RefundRefusal.REFUNDED;
                    case EXPIRED -> RefundRefusal.EXPIRED;
                    case VOID -> RefundRefusal.VOID;
                    case ACTIVE -> validUntil.isAfter(now) ? null : RefundRefusal.EXPIRED;
                });
    }
}
