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
                shortName(r.buyerName()),
                r.reply(),
                r.repliedAt());
    }

    /** "Anna Kowalski" → "Anna K."; a removed account → "A buyer". */
    public static String shortName(String name) {
        if (name == null || name.isBlank()) {
            return "A buyer";
        }
        String[] parts = name.strip().split("\\s+");
        return parts.length == 1 ? parts[0] : parts[0] + " " + parts[parts.length - 1].charAt(0) + ".";
    }
}
