package io.groupdeal.interfaces.rest.moderation;

import io.groupdeal.domain.deal.DealInReview;
import io.groupdeal.interfaces.money.Amounts;
import java.io.Serializable;
import java.time.Instant;

/** A deal waiting for review as the operator sees it: its merchant, its terms and fine print, since when it waits. */
public record ReviewDealDto(
        String id,
        String tenantId,
        String businessName,
        String title,
        String description,
        String finePrint,
        String currency,
        String price,
        String originalValue,
        int minBuyers,
        Integer maxQuantity,
        Integer perBuyerLimit,
        Instant salesStart,
        Instant salesEnd,
        Instant couponValidUntil,
        String refundPolicy,
        boolean autoRefundOnExpiry,
        String status,
        Instant submittedAt)
        implements Serializable {

    public static ReviewDealDto of(DealInReview d) {
        return new ReviewDealDto(
                d.id(),
                d.tenantId(),
                d.businessName(),
                d.title(),
                d.description(),
                d.finePrint(),
                d.currency(),
                Amounts.format(d.price(), d.currency()),
                Amounts.format(d.originalValue(), d.currency()),
                d.minBuyers(),
                d.maxQuantity(),
                d.perBuyerLimit(),
                d.salesStart(),
                d.salesEnd(),
                d.couponValidUntil(),
                d.refundPolicy().name(),
                d.autoRefundOnExpiry(),
                "IN_REVIEW",
                d.submittedAt());
    }
}
