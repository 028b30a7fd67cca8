package io.groupdeal.interfaces.rest.review;

import io.groupdeal.domain.review.Review;
import java.time.Instant;

/**
 * A review as its merchant and its author see it. {@code buyerName} is shortened to a first name and an initial
 * ("Anna K."), as on the deal page.
 */
public record ReviewDto(
        String id,
        String dealId,
        String dealTitle,
        int rating,
        String comment,
        Instant createdAt,
        String buyerName,
        String reply,
        Instant repliedAt)
        implements java.io.Serializable {

    public static ReviewDto of(Review r) {
        return new ReviewDto(
                r.id(),
                r.dealId(),
                r.dealTitle(),
                r.rating(),
                r.comment(),
                r.createdAt(),
                r.buyerShortName(),
                r.reply(),
                r.repliedAt());
    }
}
