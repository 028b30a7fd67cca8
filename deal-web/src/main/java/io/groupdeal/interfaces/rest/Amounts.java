package io.groupdeal.interfaces.rest;

import io.groupdeal.application.problem.InvalidInput;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Money on the wire: a decimal string with the currency's minor digits ("25.00", "1200" for JPY). */
public final class Amounts {

    private Amounts() {
    }

    public static String format(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        int digits = currency == null ? 2 : Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return amount.setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }

    public static BigDecimal parse(String text, String field) {
        if (text == null) {
            return null;
        }
        if (text.length() > 20 || !text.strip().matches("\\d+(\\.\\d+)?")) {
            throw new InvalidInput(field, "must be a decimal string such as \"25.00\"");
        }
        return new BigDecimal(text.strip());
    }
}
