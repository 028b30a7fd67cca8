package io.groupdeal.interfaces.rest.counter;

import io.groupdeal.application.counter.CounterLookup;
import io.groupdeal.domain.redemption.CounterCoupon;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.interfaces.problem.ProblemWords;
import java.time.Instant;

/**
 * A coupon as the counter sees it at a store: whether it can be redeemed there now and, when not, why (a problem type
 * and words in the reader's language). {@code orderQuantity} is how many coupons the buyer bought in the same order;
 * {@code optionTitle} the option bought when the deal has several (else null): what the staff serve.
 */
public record CounterCouponDto(
        String code,
        String status,
        String dealId,
        String dealTitle,
        String finePrint,
        Instant validUntil,
        int orderQuantity,
        boolean redeemable,
        String reasonType,
        String reason,
        Instant redeemedAt,
        String redeemedStoreName,
        String optionTitle) {

    public static CounterCouponDto of(CounterLookup lookup, Language language) {
        CounterCoupon c = lookup.coupon();
        String reason = lookup.redeemable()
                ? null
                : ProblemWords.detail(lookup.refusal().reason(), language);
        return new CounterCouponDto(
                c.code().printed(),
                c.status().name(),
                c.dealId(),
                c.dealTitle(),
                c.finePrint(),
                c.validUntil(),
                c.orderQuantity(),
                lookup.redeemable(),
                lookup.reasonType(),
                reason,
                c.redeemedAt(),
                c.redeemedStoreName(),
                c.optionTitle());
    }
}
