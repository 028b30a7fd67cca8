package io.groupdeal.domain.review;

import java.io.Serializable;
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
        Instant repliedAt)
        implements Serializable {

    public static final int MAX_COMMENT = 2000;
    public static final int MAX_REPLY = 2000;

    /**
     * The author as everyone but the author reads them, a first name and an initial: "Anna Kowalski" is "Anna K."; a
     * removed account is "A buyer".
     */
    public String buyerShortName() {
        if (buyerName == null || buyerName.isBlank()) {
            return "A buyer";
        }
        String[] parts = buyerName.strip().split("\\s+");
        return parts.length == 1 ? parts[0] : parts[0] + " " + parts[parts.length - 1].charAt(0) + ".";
    }
}
