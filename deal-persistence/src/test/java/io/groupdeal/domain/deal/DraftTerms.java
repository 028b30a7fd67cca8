package io.groupdeal.domain.deal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Deal terms as the domain's tests write a draft: its title and only what the test is about; the rest stays open
 * (null), as a merchant's draft may leave it. Amounts as decimal strings.
 */
final class DraftTerms {

    private final String title;
    private String description;
    private String finePrint;
    private String currency;
    private BigDecimal price;
    private BigDecimal originalValue;
    private Integer minBuyers;
    private Integer maxQuantity;
    private Integer perBuyerLimit;
    private Instant salesStart;
    private Instant salesEnd;
    private Instant couponValidUntil;

    private DraftTerms(String title) {
        this.title = title;
    }

    static DraftTerms titled(String title) {
        return new DraftTerms(title);
    }

    DraftTerms texts(String description, String finePrint) {
        this.description = description;
        this.finePrint = finePrint;
        return this;
    }

    DraftTerms priced(String currency, String price, String originalValue) {
        this.currency = currency;
        this.price = price == null ? null : new BigDecimal(price);
        this.originalValue = originalValue == null ? null : new BigDecimal(originalValue);
        return this;
    }

    DraftTerms quantities(Integer minBuyers, Integer maxQuantity, Integer perBuyerLimit) {
        this.minBuyers = minBuyers;
        this.maxQuantity = maxQuantity;
        this.perBuyerLimit = perBuyerLimit;
        return this;
    }

    DraftTerms times(Instant salesStart, Instant salesEnd, Instant couponValidUntil) {
        this.salesStart = salesStart;
        this.salesEnd = salesEnd;
        this.couponValidUntil = couponValidUntil;
        return this;
    }

    /** The terms, with neither refund policy nor automatic refund on expiry said. */
    DealTerms terms() {
        return new DealTerms(
                title,
                description,
                finePrint,
                currency,
                price,
                originalValue,
                minBuyers,
                maxQuantity,
                perBuyerLimit,
                salesStart,
                salesEnd,
                couponValidUntil,
                null,
                null);
    }
}
