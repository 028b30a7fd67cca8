package io.groupdeal.domain.deal;

import io.groupdeal.domain.shared.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * What a merchant says about a deal. A draft may leave most of it open; {@link #violations(boolean)} lists every
 * broken rule, and with {@code publishing} also what a deal needs before it can go on sale.
 */
public record DealTerms(String title, String description, String finePrint, String currency, BigDecimal price,
                        BigDecimal originalValue, Integer minBuyers, Integer maxQuantity, Integer perBuyerLimit,
                        Instant salesStart, Instant salesEnd, Instant couponValidUntil, RefundPolicy refundPolicy,
                        Boolean autoRefundOnExpiry) {

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
            found.add(new Violation("title", "is required"));
        } else if (title.strip().length() > MAX_TITLE) {
            found.add(new Violation("title", "must have at most " + MAX_TITLE + " characters"));
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            found.add(new Violation("description", "must have at most " + MAX_DESCRIPTION + " characters"));
        }
        if (finePrint != null && finePrint.length() > MAX_FINE_PRINT) {
            found.add(new Violation("finePrint", "must have at most " + MAX_FINE_PRINT + " characters"));
        }
        Currency money = currency(found);
        amount("price", price, money, found);
        amount("originalValue", originalValue, money, found);
        if (price != null && originalValue != null && price.compareTo(originalValue) > 0) {
            found.add(new Violation("price", "must not be more than the original value"));
        }
        int min = minBuyersOrDefault();
        if (min < 1 || min > MAX_COUPONS) {
            found.add(new Violation("minBuyers", "must be between 1 and " + MAX_COUPONS));
        }
        if (maxQuantity != null && (maxQuantity < min || maxQuantity > MAX_COUPONS)) {
            found.add(new Violation("maxQuantity", "must be at least minBuyers (" + min + ") and at most " + MAX_COUPONS));
        }
        if (perBuyerLimit != null && (perBuyerLimit < 1 || (maxQuantity != null && perBuyerLimit > maxQuantity))) {
            found.add(new Violation("perBuyerLimit", "must be at least 1 and at most maxQuantity"));
        }
        moment("salesStart", salesStart, found);
        moment("salesEnd", salesEnd, found);
        moment("couponValidUntil", couponValidUntil, found);
        if (salesStart != null && salesEnd != null && !salesEnd.isAfter(salesStart)) {
            found.add(new Violation("salesEnd", "must be after salesStart"));
        }
        if (salesEnd != null && couponValidUntil != null && couponValidUntil.isBefore(salesEnd)) {
            found.add(new Violation("couponValidUntil", "must not be before salesEnd"));
        }
        if (publishing) {
            requireForPublishing(found);
        }
        return found;
    }

    /** A deal's times lie in the years a DATETIME column and the calendars of the reports hold (2000 to 2999). */
    private static void moment(String field, Instant instant, List<Violation> found) {
        if (instant != null && (instant.isBefore(EARLIEST) || !instant.isBefore(AFTER_LATEST))) {
            found.add(new Violation(field, "must be a time in the years 2000 to 2999"));
        }
    }

    private void requireForPublishing(List<Violation> found) {
        if (description == null || description.isBlank()) {
            found.add(new Violation("description", "is required to publish"));
        }
        record Needed(String field, Object value) {
        }
        for (Needed needed : List.of(new Needed("currency", currency), new Needed("price", price),
                new Needed("originalValue", originalValue), new Needed("salesStart", salesStart),
                new Needed("salesEnd", salesEnd), new Needed("couponValidUntil", couponValidUntil))) {
            if (needed.value() == null) {
                found.add(new Violation(needed.field(), "is required to publish"));
            }
        }
    }

    private Currency currency(List<Violation> found) {
        if (currency == null) {
            return null;
        }
        try {
            if (currency.length() == 3 && currency.equals(currency.toUpperCase()) && currency.chars().allMatch(Character::isLetter)) {
                return Currency.getInstance(currency);
            }
        } catch (IllegalArgumentException e) {
            // not an ISO 4217 code: reported below
        }
        found.add(new Violation("currency", "must be an ISO 4217 code such as EUR"));
        return null;
    }

    /** The deal's currency when it is a valid ISO 4217 code, else null (reported by {@link #violations}). */
    static Currency knownCurrency(String code) {
        List<Violation> ignored = new ArrayList<>();
        return new DealTerms(null, null, null, code, null, null, null, null, null, null, null, null, null, null).currency(ignored);
    }

    /**
     * These terms priced as their first option: a deal written with options keeps {@code price} and
     * {@code originalValue} meaning its first option's, so clients that know no options read the deal as before.
     */
    public DealTerms pricedAs(OptionTerms first) {
        return new DealTerms(title, description, finePrint, currency, first.price(), first.originalValue(), minBuyers,
                maxQuantity, perBuyerLimit, salesStart, salesEnd, couponValidUntil, refundPolicy, autoRefundOnExpiry);
    }

    static void amount(String field, BigDecimal amount, Currency currency, List<Violation> found) {
        if (amount == null) {
            return;
        }
        if (amount.signum() <= 0 || amount.compareTo(MAX_PRICE) >= 0) {
            found.add(new Violation(field, "must be more than 0 and less than 1000000000"));
        } else if (currency == null && amount.stripTrailingZeros().scale() > 3) {
            found.add(new Violation(field, "must have at most 3 decimals"));
        } else if (currency != null && amount.stripTrailingZeros().scale() > Math.max(0, currency.getDefaultFractionDigits())) {
            found.add(new Violation(field, "must have at most " + Math.max(0, currency.getDefaultFractionDigits())
                    + " decimals in " + currency.getCurrencyCode()));
        }
    }
}
