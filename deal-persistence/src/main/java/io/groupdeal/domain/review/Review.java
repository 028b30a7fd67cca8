package io.groupdeal.domain.review;

import java.time.Instant;

/** A buyer's review of a deal after using one coupon of it, and the merchant's reply once there is one. */
public record Review(
        String tenantId,
        String id,
        String couponId,
        String dealId,
        String dealTitle,
        String buyerId,
        String buyerName,
        int rating,
        String comment,
        Instant createdAt,
        String reply,
        Instant repliedAt) {

    public static final int MAX_COMMENT = 2000;
    public static final int MAX_REPLY = 2000;
}
