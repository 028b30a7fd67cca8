package io.groupdeal.interfaces.rest.moderation;

import io.groupdeal.domain.deal.DealInReview;
import io.groupdeal.domain.deal.DealTerms;
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
        DealTerms t = d.terms();
        return new ReviewDealDto(
                d.id(),
                d.tenantId(),
                d.businessName(),
                t.title(),
                t.description(),
                t.finePrint(),
                t.currency(),
                Amounts.format(t.price(), t.currency()),
                Amounts.format(t.originalValue(), t.currency()),
                t.minBuyersOrDefault(),
                t.maxQuantity(),
                t.perBuyerLimit(),
                t.salesStart(),
                t.salesEnd(),
                t.couponValidUntil(),
                t.refundPolicy().name(),
                Boolean.TRUE.equals(t.autoRefundOnExpiry()),
                "IN_REVIEW",
                d.submittedAt());
    }
}
