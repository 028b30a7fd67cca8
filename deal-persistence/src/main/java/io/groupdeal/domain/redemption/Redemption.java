package io.groupdeal.domain.redemption;

import java.time.Instant;

/**
 * One redemption at a store and, when it was undone, who undid it, when and why. Both are events that stay in the
 * history; an undone coupon may be redeemed again, which is a new redemption.
 */
public record Redemption(
        String id,
        String couponId,
        String code,
        String dealTitle,
        String storeId,
        String storeName,
        String staffId,
        String staffName,
        Instant redeemedAt,
        Instant undoneAt,
        String undoneByName,
        String undoReason) {

    public boolean undone() {
        return undoneAt != null;
    }
}
