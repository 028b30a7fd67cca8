package io.groupdeal.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** An amount keeps its currency's minor digits, is never rounded silently, and adds up only within its currency. */
class MoneyTest {

    @Test
    void anAmountIsKeptInItsCurrencysDigits() {
        assertEquals("9.90", Money.of(new BigDecimal("9.9"), "EUR").plain());
        assertEquals("1200", Money.of(new BigDecimal("1200.00"), "JPY").plain());
        assertEquals("1.250", Money.of(new BigDecimal("1.25"), "KWD").plain());
        assertEquals(Money.of(new BigDecimal("9.9"), "EUR"), Money.of(new BigDecimal("9.90"), "EUR"));
        assertEquals("EUR 9.90", Money.of(new BigDecimal("9.9"), "EUR").toString());
    }

    @Test
    void anAmountWithMoreDigitsThanItsCurrencyOrWithoutOneIsRefused() {
        assertThrows(ArithmeticException.class, () -> Money.of(new BigDecimal("9.999"), "EUR"));
        assertThrows(ArithmeticException.class, () -> Money.of(new BigDecimal("1200.5"), "JPY"));
        assertThrows(IllegalArgumentException.class, () -> Money.of(BigDecimal.ONE, "EURO"));
        assertThrows(NullPointerException.class, () -> Money.of(null, "EUR"));
        assertThrows(NullPointerException.class, () -> Money.of(BigDecimal.ONE, null));
    }

    @Test
    void multiplesStayInTheirCurrency() {
        assertEquals(
                Money.of(new BigDecimal("19.80"), "EUR"),
                Money.of(new BigDecimal("9.90"), "EUR").times(2));
        assertEquals(
                Money.of(new BigDecimal("3600"), "JPY"),
                Money.of(new BigDecimal("1200"), "JPY").times(3));
        assertEquals(
                Money.of(new BigDecimal("0.00"), "EUR"),
                Money.of(new BigDecimal("9.90"), "EUR").times(0));
    }

    @Test
    void plainAmountsAreWrittenWithTheirCurrencysDigits() {
        assertEquals("25.00", Money.plain(new BigDecimal("25"), "EUR"));
        assertEquals("1200", Money.plain(new BigDecimal("1200.00"), "JPY"));
        assertEquals(null, Money.plain(null, "EUR"));
        assertEquals("EUR 25.00", Money.display(new BigDecimal("25"), "EUR"));
    }

    @Test
    void aDiscountIsInWholePercentRoundedHalfEven() {
        assertEquals(75, Money.discountPercent(new BigDecimal("25.00"), new BigDecimal("100.00")));
        assertEquals(33, Money.discountPercent(new BigDecimal("20.00"), new BigDecimal("30.00")));
        assertEquals(12, Money.discountPercent(new BigDecimal("7.00"), new BigDecimal("8.00"))); // 12.5: to even
        assertEquals(0, Money.discountPercent(new BigDecimal("10.00"), new BigDecimal("10.00")));
        assertEquals(0, Money.discountPercent(BigDecimal.ZERO, BigDecimal.ZERO));
    }
}
