package io.groupdeal.domain.settlement;

import io.groupdeal.domain.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One currency and commission rate of a statement: the coupons redeemed in the period while that rate was in force,
 * their gross value (the prices paid), the commission at that rate rounded half-even to the currency's minor unit, and
 * the net owed. Net is gross less commission, so the line adds up exactly.
 */
public record SettlementLine(
        String currency,
        long redeemedCount,
        BigDecimal grossValue,
        BigDecimal commissionRate,
        BigDecimal commission,
        BigDecimal net) {

    public static SettlementLine of(String currency, long redeemedCount, BigDecimal gross, BigDecimal rate) {
        int digits = Money.minorDigits(currency);
        BigDecimal grossValue = gross.setScale(digits, RoundingMode.HALF_EVEN);
        BigDecimal commission = grossValue.multiply(rate).setScale(digits, RoundingMode.HALF_EVEN);
        return new SettlementLine(
                currency, redeemedCount, grossValue, rate, commission, grossValue.subtract(commission));
    }
}
