package io.groupdeal.domain.deal;

import io.groupdeal.domain.shared.Violation;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * What a merchant says about a deal. A draft may leave most of it open; {@link #violations(boolean)} lists every
 * broken rule, and with {@code publishing} also what a deal needs before it can go on sale. Serializable: the
 * operator's moderation page keeps the deals it shows in its view state, which the cluster's session replication copies.
 */
public record DealTerms(
        String title,
        String description,
        String finePrint,
        String currency,
        BigDecimal price,
        BigDecimal originalValue,
        Integer minBuyers,
        Integer maxQuantity,
        Integer perBuyerLimit,
        Instant salesStart,
        Instant salesEnd,
        Instant couponValidUntil,
        RefundPolicy refundPolicy,
        Boolean autoRefundOnExpiry)
        implements Serializable {

    public static final int MAX_TITLE = 120;
    public static final int MAX_DESCRIPTION = 5000;
    public static final int MAX_FINE_PRINT = 2000;
    public static final int MAX_COUPONS = 1_000_000;
    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000000");

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant AFTER_LATEST = Instant.parse("3000-01-01T00:00:00Z");

    public int minBuyersOrDefault() {
        return minBuyers == null ? 1 : minBuyers;
    }

    public List<Violation> violations(boolean publishing) {
        List<Violation> found = new ArrayList<>();
        if (title == null || title.isBlank()) {
            found.add(Violation.of("title", "required"));
        } else if (title.strip().length() > MAX_TITLE) {
            found.add(Violation.of("title", "max-length", MAX_TITLE));
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            found.add(Violation.of("description", "max-length", MAX_DESCRIPTION));
        }
        if (finePrint != null && finePrint.length() > MAX_FINE_PRINT) {
            found.add(Violation.of("finePrint", "max-length", MAX_FINE_PRINT));
        }
        Currency money = currency(found);
        amount("price", price, money, found);
        amount("originalValue", originalValue, money, found);
        if (price != null && originalValue != null && price.compareTo(originalValue) > 0) {
            found.add(Violation.of("price", "price-above-value"));
        }
        int min = minBuyersOrDefault();
        if (min < 1 || min > MAX_COUPONS) {
            found.add(Violation.of("minBuyers", "between", 1, MAX_COUPONS));
        }
        if (maxQuantity != null && (maxQuantity < min || maxQuantity > MAX_COUPONS)) {
            found.add(Violation.of("maxQuantity", "max-quantity", min, MAX_COUPONS));
        }
        if (perBuyerLimit != null && (perBuyerLimit < 1 || (maxQuantity != null && perBuyerLimit > maxQuantity))) {
            found.add(Violation.of("perBuyerLimit", "per-buyer-limit"));
        }
        moment("salesStart", salesStart, found);
        moment("salesEnd", salesEnd, found);
        moment("couponValidUntil", couponValidUntil, found);
        if (salesStart != null && salesEnd != null && !salesEnd.isAfter(salesStart)) {
            found.add(Violation.of("salesEnd", "after-sales-start"));
        }
        if (salesEnd != null && couponValidUntil != null && couponValidUntil.isBefore(salesEnd)) {
            found.add(Violation.of("couponValidUntil", "not-before-sales-end"));
        }
        if (publishing) {
            requireForPublishing(found);
        }
        return found;
    }

    /** A deal's times lie in the years a DATETIME column and the calendars of the reports hold (2000 to 2999). */
    private static void moment(String field, Instant instant, List<Violation> found) {
        if (instant != null && (instant.isBefore(EARLIEST) || !instant.isBefore(AFTER_LATEST))) {
            found.add(Violation.of(field, "time-in-years", 2000, 2999));
        }
    }

    private void requireForPublishing(List<Violation> found) {
        if (description == null || description.isBlank()) {
            found.add(Violation.of("description", "required-to-publish"));
        }
        record Needed(String field, Object value) {}
        for (Needed needed : List.of(
                new Needed("currency", currency),
                new Needed("price", price),
                new Needed("originalValue", originalValue),
                new Needed("salesStart", salesStart),
                new Needed("salesEnd", salesEnd),
                new Needed("couponValidUntil", couponValidUntil))) {
            if (needed.value() == null) {
                found.add(Violation.of(needed.field(), "required-to-publish"));
            }
        }
    }

    private Currency currency(List<Violation> found) {
        if (currency == null) {
            return null;
        }
        try {
            if (currency.length() == 3
                    && currency.equals(currency.toUpperCase())
                    && currency.chars().allMatch(Character::isLetter)) {
                return Currency.getInstance(currency);
            }
        } catch (IllegalArgumentException e) {
            // not an ISO 4217 code: reported below
        }
        found.add(Violation.of("currency", "currency"));
        return null;
    }

    /** The deal's currency when it is a valid ISO 4217 code, else null (reported by {@link #violations}). */
    static Currency knownCurrency(String code) {
        List<Violation> ignored = new ArrayList<>();
        return new DealTerms(null, null, null, code, null, null, null, null, null, null, null, null, null, null)
                .currency(ignored);
    }

    /**
     * These terms priced as their first option: a deal written with options keeps {@code price} and
     * {@code originalValue} meaning its first option's, so clients that know no options read the deal as before.
     */
    public DealTerms pricedAs(OptionTerms first) {
        return new DealTerms(
                title,
                description,
                finePrint,
                currency,
                first.price(),
                first.originalValue(),
                minBuyers,
                maxQuantity,
                perBuyerLimit,
                salesStart,
                salesEnd,
                couponValidUntil,
                refundPolicy,
                autoRefundOnExpiry);
    }

    static void amount(String field, BigDecimal amount, Currency currency, List<Violation> found) {
        if (amount == null) {
            return;
        }
        if (amount.signum() <= 0 || amount.compareTo(MAX_PRICE) >= 0) {
            found.add(Violation.of(field, "amount-range"));
        } else if (currency == null && amount.stripTrailingZeros().scale() > 3) {
            found.add(Violation.of(field, "decimals", 3));
        } else if (currency != null
                && amount.stripTrailingZeros().scale() > Math.max(0, currency.getDefaultFractionDigits())) {
            found.add(Violation.of(
                    field,
                    "decimals-in",
                    Math.max(0, currency.getDefaultFractionDigits()),
                    currency.getCurrencyCode()));
        }
    }
}
