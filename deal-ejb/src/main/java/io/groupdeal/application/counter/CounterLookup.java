package io.groupdeal.application.counter;

import io.groupdeal.domain.redemption.CounterCoupon;

/**
 * What the counter answers for a code at a store: the coupon and whether it can be redeemed there now; when not,
 * the reason as a problem type ({@code already-redeemed}, {@code coupon-expired}, ...) and in words.
 */
public record CounterLookup(CounterCoupon coupon, boolean redeemable, String reasonType, String reason) {
}
