package io.groupdeal.domain.deal;

import java.math.BigDecimal;
import java.time.Instant;

/** What a buyer's order needs of a deal: whose it is, what a coupon costs, the buyer's limit and the validity. */
public record SaleTerms(
        String tenantId,
        String dealId,
        String title,
        String merchantName,
        DealStatus status,
        BigDecimal price,
        String currency,
        Integer perBuyerLimit,
        Instant couponValidUntil,
        boolean tipped) {

    /**
     * Whether confirming a paid order of this deal (these terms read in the confirming transaction) has anything to
     * change on the deal's row through {@link DealRepository#paid}: everything but an order captured at once while the
     * deal is tipped and on sale. For that order {@code paid} matches no row ({@code confirmed} counts paid coupons up
     * to the tipping point, the deal is not to be settled for it), so the statement is not sent at all. An order only
     * authorised after the tipping marks the deal for settlement (its capture); any paid order of a deal that is not
     * on sale may have to be voided or refunded, and an order of an untipped deal counts towards its tipping.
     */
    public boolean paidChangesDeal(boolean captured) {
        return !captured || !tipped || status != DealStatus.ON_SALE;
    }
}
