package io.groupdeal.domain.deal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A deal waiting for the operator's review, with its merchant: everything the operator weighs before approving it
 * (its terms and fine print). Read across tenants, for the operator only.
 */
public record DealInReview(
        String id,
        String tenantId,
        String businessName,
        String title,
        String description,
        String finePrint,
        String currency,
        BigDecimal price,
        BigDecimal originalValue,
        int minBuyers,
        Integer maxQuantity,
        Integer perBuyerLimit,
        Instant salesStart,
        Instant salesEnd,
        Instant couponValidUntil,
        RefundPolicy refundPolicy,
        boolean autoRefundOnExpiry,
        Instant submittedAt)
        implements Serializable {}
