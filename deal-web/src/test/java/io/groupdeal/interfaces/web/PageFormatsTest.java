package io.groupdeal.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Rates are fractions in the domain and percent on the pages (the report and the settlements showed "0.1000"). */
class PageFormatsTest {

    private final PageFormats fmt = new PageFormats();

    @Test
    void aRateReadsAsPercentWithOneDecimal() {
        assertEquals("41.7 %", fmt.percent(new BigDecimal("0.4167")));
        assertEquals("10.0 %", fmt.percent(new BigDecimal("0.1000")));
        assertEquals("12.5 %", fmt.percent(new BigDecimal("0.125")));
        assertEquals("0.0 %", fmt.percent(BigDecimal.ZERO));
    }

    @Test
    void noRateIsADash() {
        assertEquals("–", fmt.percent(null));
    }
}
