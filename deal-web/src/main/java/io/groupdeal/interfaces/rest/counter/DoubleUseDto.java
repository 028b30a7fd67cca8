package io.groupdeal.interfaces.rest.counter;

import io.groupdeal.domain.redemption.DoubleUse;
import java.time.Instant;

/** A coupon handed over offline that could no longer be redeemed when the phone sent it, and what had happened to it. */
public record DoubleUseDto(
        String id,
        String code,
        String dealTitle,
        String storeId,
        String storeName,
        String staffId,
        String staffName,
        Instant redeemedOfflineAt,
        Instant recordedAt,
        String reasonType,
        String otherStoreId,
        String otherStoreName,
        Instant otherRedeemedAt) {

    public static DoubleUseDto of(DoubleUse u) {
        return new DoubleUseDto(
                u.id(),
                u.code(),
                u.dealTitle(),
                u.storeId(),
                u.storeName(),
                u.staffId(),
                u.staffName(),
                u.redeemedOfflineAt(),
                u.recordedAt(),
                u.reason(),
                u.otherStoreId(),
                u.otherStoreName(),
                u.otherRedeemedAt());
    }
}
