package io.groupdeal.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LocalFormatsTest {

    @Test
    void amountsFollowTheLanguageAndTheCurrencysDigits() {
        assertEquals("¥99.00", LocalFormats.amount(new BigDecimal("99"), "CNY", Language.ZH_CN));
        assertEquals("€14.90", LocalFormats.amount(new BigDecimal("14.9"), "EUR", Language.EN));
        assertEquals("JP¥1,200", LocalFormats.amount(new BigDecimal("1200"), "JPY", Language.ZH_CN));
        assertEquals("KWD\u00a01.250", LocalFormats.amount(new BigDecimal("1.25"), "KWD", Language.EN));
        assertEquals("CN¥99.00", LocalFormats.amount(new BigDecimal("99.00"), "CNY", Language.EN));
    }

    @Test
    void timesAreShownInTheGivenZone() {
        Instant noonUtc = Instant.parse("2026-11-30T12:00:00Z");
        assertEquals("2026年11月30日 下午8:00", LocalFormats.dateTime(noonUtc, ZoneId.of("Asia/Shanghai"), Language.ZH_CN));
        assertEquals(
                "Dec 1, 2026, 1:00",
                LocalFormats.dateTime(noonUtc, ZoneId.of("Pacific/Auckland"), Language.EN)
                        .substring(0, "Dec 1, 2026, 1:00".length()));
    }
}
