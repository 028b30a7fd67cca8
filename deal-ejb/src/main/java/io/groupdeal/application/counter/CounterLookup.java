package io.groupdeal.application.counter;

import io.groupdeal.application.problem.Problem;
import io.groupdeal.domain.redemption.CounterCoupon;

/**
 * What the counter answers for a code at a store: the coupon and whether it can be redeemed there now; when not,
 * the refusal it would meet ({@code already-redeemed}, {@code coupon-expired}, ...), which the interfaces word.
 */
public record CounterLookup(CounterCoupon coupon, Problem refusal) {

    public boolean redeemable() {
        return refusal == null;
    }

    /** The refusal's problem type, or null when the coupon can be redeemed. */
    public String reasonType() {
        return refusal == null ? null : refusal.type();
    }
}
