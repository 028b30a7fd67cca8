package io.groupdeal.domain.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in a currency, kept in the currency's minor digits ("25.00" EUR, "1200" JPY, "1.250" KWD): a value made
 * from an amount that has more digits than its currency is refused, never rounded silently; multiples stay in their
 * currency. The static helpers write plain amounts with their currency's digits, rounded half-even.
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        // an unknown currency code is refused here (IllegalArgumentException), not at the first format
        amount = amount.setScale(
                minorDigits(Currency.getInstance(currency).getCurrencyCode()), RoundingMode.UNNECESSARY);
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }

    /** This amount {@code times} times: a unit price for a number of coupons. */
    public Money times(int times) {
        return new Money(amount.multiply(BigDecimal.valueOf(times)), currency);
    }

    /** As the API writes it: "25.00". */
    public String plain() {
        return amount.toPlainString();
    }

    /** For people and logs: "EUR 25.00". */
    @Override
    public String toString() {
        return currency + " " + plain();
    }

    public static int minorDigits(String currency) {
        return currency == null ? 2 : Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    /** The amount as a plain decimal string with the currency's minor digits; null for null. */
    public static String plain(BigDecimal amount, String currency) {
        return amount == null
                ? null
                : amount.setScale(minorDigits(currency), RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * How much less than its value a price asks, in whole percent (half-even): 25.00 for a value of 100.00 is 75; 0
     * for a value of 0. The storefront's card, the deal's page and the editor's preview show the same number.
     */
    public static int discountPercent(BigDecimal price, BigDecimal value) {
        return value.signum() == 0
                ? 0
                : BigDecimal.ONE
                        .subtract(price.divide(value, 4, RoundingMode.HALF_EVEN))
                        .movePointRight(2)
                        .setScale(0, RoundingMode.HALF_EVEN)
                        .intValue();
    }

    /** For people: "EUR 25.00". */
    public static String display(BigDecimal amount, String currency) {
        return currency + " " + plain(amount, currency);
    }
}
