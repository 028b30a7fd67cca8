package io.groupdeal.interfaces.rest.review;

import io.groupdeal.domain.review.Review;
import java.time.Instant;

/** A review as anyone sees it on the deal: no ids, the author's short name, the merchant's reply. */
public record PublicReviewDto(int rating, String comment, Instant createdAt, String buyerName, String reply) {

    public static PublicReviewDto of(Review r) {
        return new PublicReviewDto(r.rating(), r.comment(), r.createdAt(), r.buyerShortName(), r.reply());
    }
}
