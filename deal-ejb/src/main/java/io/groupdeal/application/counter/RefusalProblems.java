package io.groupdeal.application.counter;

import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.NoLongerUsable;
import io.groupdeal.application.problem.NotPermitted;
import io.groupdeal.application.problem.Problem;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.domain.redemption.CounterCoupon;
import io.groupdeal.domain.redemption.CounterStore;
import io.groupdeal.domain.redemption.Refusal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The problem the counter answers for each {@link Refusal} the domain decides: its type and status (the API's
 * contract), and its reason's key and values, worded in the reader's language by the interfaces. Days and times are
 * the store's.
 */
final class RefusalProblems {

    /** Every refusal's problem type: a coupon handed over offline that meets one of them is a double use. */
    static final Set<String> TYPES =
            Arrays.stream(Refusal.values()).map(RefusalProblems::type).collect(Collectors.toUnmodifiableSet());

    private RefusalProblems() {}

    static String type(Refusal refusal) {
        return switch (refusal) {
            case DEAL_NOT_TIPPED -> "deal-not-tipped";
            case ALREADY_REDEEMED -> "already-redeemed";
            case EXPIRED -> "coupon-expired";
            case REFUNDED -> "coupon-refunded";
            case VOID -> "coupon-void";
            case NOT_VALID_AT_STORE -> "store-not-eligible";
        };
    }

    static Problem of(Refusal refusal, CounterCoupon coupon, CounterStore store) {
        ZoneId zone = ZoneId.of(store.timeZone());
        // the types written out here as well as in type(): ProblemWordsTest finds the problems' words by reading them
        return switch (refusal) {
            case DEAL_NOT_TIPPED -> new Clash("deal-not-tipped");
            case ALREADY_REDEEMED -> alreadyRedeemed(coupon, zone);
            case EXPIRED ->
                new NoLongerUsable(
                        "coupon-expired",
                        Reason.of(
                                "coupon-expired",
                                coupon.validUntil().atZone(zone).toLocalDate()));
            case REFUNDED -> new NoLongerUsable("coupon-refunded");
            case VOID -> new NoLongerUsable("coupon-void");
            case NOT_VALID_AT_STORE ->
                new NotPermitted("store-not-eligible", Reason.of("store-not-eligible", store.name()));
        };
    }

    private static Problem alreadyRedeemed(CounterCoupon coupon, ZoneId zone) {
        String where = coupon.redeemedStoreName() == null ? "a store that was removed" : coupon.redeemedStoreName();
        Reason reason = coupon.redeemedStoreName() == null
                ? Reason.of(
                        "already-redeemed.removed-store", coupon.redeemedAt().atZone(zone))
                : Reason.of("already-redeemed", where, coupon.redeemedAt().atZone(zone));
        // storeName is a member of the API and keeps its value in every language
        return new Clash(
                "already-redeemed",
                reason,
                Map.of(
                        "redeemedAt",
                        coupon.redeemedAt().toString(),
                        "storeName",
                        where,
                        "storeId",
                        String.valueOf(coupon.redeemedStoreId())));
    }
}
