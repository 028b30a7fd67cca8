package io.groupdeal.domain.redemption;

import java.time.Instant;

/**
 * A coupon handed over at a counter without a connection that could not be redeemed when the phone came back online:
 * redeemed elsewhere in the meantime ({@code reason} already-redeemed, with where and when), or refunded, voided or
 * expired meanwhile. A record beside the coupon's one redemption, for the merchant to settle; never a second
 * redemption.
 */
public record DoubleUse(
        String id,
        String couponId,
        String code,
        String dealTitle,
        String storeId,
        String storeName,
        String staffId,
        String staffName,
        Instant redeemedOfflineAt,
        Instant recordedAt,
        String reason,
        String otherStoreId,
        String otherStoreName,
        Instant otherRedeemedAt) {}
