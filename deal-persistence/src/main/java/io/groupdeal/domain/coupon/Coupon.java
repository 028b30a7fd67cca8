package io.groupdeal.domain.coupon;

import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.shared.Ids;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    /**
     * The coupons a paid order issues, one per unit bought at its unit price, each with its own id and random code,
     * sorted by id as the repository lists them (the buyer's answer needs no read-back). Issued, they know nothing of
     * the deal's refund terms, which an order's answer does not show.
     */
    public static List<Coupon> issueFor(
            Order order, String dealTitle, CouponStatus status, Instant validUntil, Instant now, SecureRandom random) {
        List<Coupon> issued = new ArrayList<>(order.quantity());
        for (int i = 0; i < order.quantity(); i++) {
            issued.add(new Coupon(
                    order.tenantId(),
                    Ids.newId(),
                    order.dealId(),
                    dealTitle,
                    order.id(),
                    order.buyerId(),
                    CouponCode.random(random),
                    status,
                    order.unitPrice(),
                    order.currency(),
                    validUntil,
                    now,
                    null,
                    null,
                    null,
                    false,
                    false,
                    null));
        }
        issued.sort(Comparator.comparing(Coupon::id));
        return List.copyOf(issued);
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
