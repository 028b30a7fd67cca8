package io.groupdeal.domain.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementLinesTest {

    @Test
    void oneRateGivesOneLinePerCurrencyAsBefore() {
        SettlementLines lines = new SettlementLines();
        lines.add("JPY", new BigDecimal("0.1550"), 2, new BigDecimal("2400.000"));
        lines.add("EUR", new BigDecimal("0.1550"), 4, new BigDecimal("79.600"));
        assertEquals(
                List.of(
                        new SettlementLine(
                                "EUR",
                                4,
                                new BigDecimal("79.60"),
                                new BigDecimal("0.1550"),
                                new BigDecimal("12.34"),
                                new BigDecimal("67.26")),
                        new SettlementLine(
                                "JPY",
                                2,
                                new BigDecimal("2400"),
                                new BigDecimal("0.1550"),
                                new BigDecimal("372"),
                                new BigDecimal("2028"))),
                lines.lines());
    }

    @Test
    void eachRateOfAPeriodIsItsOwnLineRoundedOnItsOwn() {
        SettlementLines lines = new SettlementLines();
        lines.add("EUR", new BigDecimal("0.1000"), 1, new BigDecimal("19.900"));
        lines.add("EUR", new BigDecimal("0.2000"), 2, new BigDecimal("39.800"));
        lines.add("EUR", new BigDecimal("0.1000"), 1, new BigDecimal("19.900"));
        assertEquals(
                List.of(
                        new SettlementLine(
                                "EUR",
                                2,
                                new BigDecimal("39.80"),
                                new BigDecimal("0.1000"),
                                new BigDecimal("3.98"),
                                new BigDecimal("35.82")),
                        new SettlementLine(
                                "EUR",
                                2,
                                new BigDecimal("39.80"),
                                new BigDecimal("0.2000"),
                                new BigDecimal("7.96"),
                                new BigDecimal("31.84"))),
                lines.lines(),
                "the rate that applied again after a change is the same line, in the order the rates first applied");
    }

    @Test
    void noRedemptionsNoLines() {
        assertEquals(List.of(), new SettlementLines().lines());
    }
}
