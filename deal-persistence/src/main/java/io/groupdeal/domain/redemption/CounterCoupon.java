package io.groupdeal.domain.redemption;

import io.groupdeal.domain.coupon.CouponCode;
import io.groupdeal.domain.coupon.CouponStatus;
import io.groupdeal.domain.deal.OptionTitles;
import java.time.Instant;
import java.util.Optional;

/**
 * A coupon as the counter sees it at one store: its deal's title and fine print, how many coupons its order holds,
 * where and when it was redeemed, and whether its deal is valid at the store the counter asked about
 * ({@code validAtStore}: the deal names that store, or names none and so counts at every store of the merchant), and
 * the option bought when the deal has several ({@code optionTitle}, else null): staff serve what it names.
 */
public record CounterCoupon(
        String tenantId,
        String id,
        CouponCode code,
        CouponStatus status,
        String dealId,
        String dealTitle,
        String finePrint,
        Instant validUntil,
        int orderQuantity,
        Instant redeemedAt,
        String redeemedStoreId,
        String redeemedStoreName,
        boolean validAtStore,
        String optionTitle) {

    /**
     * Why this coupon cannot be redeemed at the store it was read for at {@code now}; empty when it can: ACTIVE, valid
     * after {@code now} (its last valid moment is excluded) and valid at the store. Its status decides first, so an
     * expired coupon of another store is refused as expired.
     */
    public Optional<Refusal> refusalAt(Instant now) {
        return Optional.ofNullable(
                switch (status) {
                    case PENDING -> Refusal.DEAL_NOT_TIPPED;
                    case REDEEMED -> Refusal.ALREADY_REDEEMED;
                    case EXPIRED -> Refusal.EXPIRED;
                    case REFUNDED -> Refusal.REFUNDED;
                    case VOID -> Refusal.VOID;
                    case ACTIVE ->
                        !validUntil.isAfter(now) ? Refusal.EXPIRED : validAtStore ? null : Refusal.NOT_VALID_AT_STORE;
                });
    }

    /** The deal's title with the option's, as the counter shows it. */
    public String title() {
        return OptionTitles.joined(dealTitle, optionTitle);
    }
}
