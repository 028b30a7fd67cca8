package io.groupdeal.domain.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Amounts with their currency's minor digits ("25.00" EUR, "1200" JPY), rounded half-even. */
public final class Money {

    private Money() {
    }

    public static int minorDigits(String currency) {
        return currency == null ? 2 : Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    /** The amount as a plain decimal string with the currency's minor digits; null for null. */
    public static String plain(BigDecimal amount, String currency) {
        return amount == null ? null : amount.setScale(minorDigits(currency), RoundingMode.HALF_EVEN).toPlainString();
    }

    /** For people: "EUR 25.00". */
    public static String display(BigDecimal amount, String currency) {
        return currency + " " + plain(amount, currency);
    }
}
