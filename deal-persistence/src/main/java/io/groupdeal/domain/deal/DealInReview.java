package io.groupdeal.domain.deal;

import java.io.Serializable;
import java.time.Instant;

/**
 * A deal waiting for the operator's review, with its merchant: everything the operator weighs before approving it
 * (its terms and fine print). Read across tenants, for the operator only. A deal in review passed the publishing
 * checks, so its terms are complete.
 */
public record DealInReview(String id, String tenantId, String businessName, DealTerms terms, Instant submittedAt)
        implements Serializable {}
