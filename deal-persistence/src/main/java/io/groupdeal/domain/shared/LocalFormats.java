package io.groupdeal.domain.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;

/**
 * Amounts and times as a person reads them in their language, from the JDK's CLDR data: {@code ¥99.00} for CNY and
 * {@code JP¥1,200} for JPY in Chinese, {@code €14.90} in English, {@code KWD 1.250} with the currency's own minor
 * digits. Times are shown in the store's or tenant's zone. The API never uses these: it keeps plain decimal strings and
 * UTC instants.
 */
public final class LocalFormats {

    private static final char NO_BREAK_SPACE = '\u00a0';

    private LocalFormats() {}

    public static String amount(BigDecimal amount, String currency, Language language) {
        Currency unit = Currency.getInstance(currency);
        int digits = Math.max(0, unit.getDefaultFractionDigits());
        NumberFormat format = NumberFormat.getCurrencyInstance(language.locale());
        format.setCurrency(unit);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        if (format instanceof DecimalFormat decimal) {
            spaceLetterSymbols(decimal, unit.getSymbol(language.locale()));
        }
        return format.format(amount);
    }

    /**
     * CLDR's currency spacing, which the JDK leaves out: a symbol written in letters ({@code KWD}) is kept apart from
     * the digits by a no-break space ({@code KWD 1.250}); a sign such as {@code ¥} or {@code €} is not.
     */
    private static void spaceLetterSymbols(DecimalFormat format, String symbol) {
        if (symbol.isEmpty()) {
            return;
        }
        String prefix = format.getPositivePrefix();
        if (prefix.endsWith(symbol) && Character.isLetter(symbol.charAt(symbol.length() - 1))) {
            format.setPositivePrefix(prefix + NO_BREAK_SPACE);
            format.setNegativePrefix(format.getNegativePrefix().replace(symbol, symbol + NO_BREAK_SPACE));
        }
        String suffix = format.getPositiveSuffix();
        if (suffix.startsWith(symbol) && Character.isLetter(symbol.charAt(0))) {
            format.setPositiveSuffix(NO_BREAK_SPACE + suffix);
            format.setNegativeSuffix(format.getNegativeSuffix().replace(symbol, NO_BREAK_SPACE + symbol));
        }
    }

    /** Date and time of day in a zone: {@code Nov 30, 2026, 1:27 PM} or {@code 2026年11月30日 下午1:27}. */
    public static String dateTime(Instant instant, ZoneId zone, Language language) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.locale())
                .withZone(zone)
                .format(instant);
    }

    /** A day: {@code Nov 30, 2026} or {@code 2026年11月30日}. */
    public static String date(LocalDate date, Language language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(language.locale())
                .format(date);
    }
}
