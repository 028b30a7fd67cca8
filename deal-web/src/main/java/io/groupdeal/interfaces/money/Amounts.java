package io.groupdeal.interfaces.money;

import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.domain.shared.Money;
import java.math.BigDecimal;

/**
 * Money as text, the same in the API's JSON and the pages' forms: a decimal string with the currency's minor digits
 * ("25.00", "1200" for JPY).
 */
public final class Amounts {

    private Amounts() {}

    public static String format(BigDecimal amount, String currency) {
        return Money.plain(amount, currency);
    }

    public static BigDecimal parse(String text, String field) {
        if (text == null) {
            return null;
        }
        if (text.length() > 20 || !text.strip().matches("\\d+(\\.\\d+)?")) {
            throw new InvalidInput(field, "decimal-string");
        }
        return new BigDecimal(text.strip());
    }
}
