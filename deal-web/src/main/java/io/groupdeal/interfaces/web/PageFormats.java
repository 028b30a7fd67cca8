package io.groupdeal.interfaces.web;

import io.groupdeal.domain.shared.Language;
import io.groupdeal.domain.shared.LocalFormats;
import io.groupdeal.domain.shared.Money;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Amounts, times and status names as pages show them, in the page's language ({@link LocalFormats}): {@code
 * #{fmt.amount(d.price(), d.currency())}}, {@code #{fmt.dateTime(o.paidAt(), zone)}}, {@code #{fmt.status('deal',
 * d.status())}}. Values come as the application hands them (decimal strings or numbers, instants or ISO text).
 */
@Named("fmt")
@RequestScoped
public class PageFormats {

    private static final String NONE = "—";

    @Inject
    private PageLanguage page;

    private Language language() {
        return page.getLanguage();
    }

    public String amount(Object amount, String currency) {
        if (amount == null || amount.toString().isBlank() || currency == null || currency.isBlank()) {
            return NONE;
        }
        BigDecimal value = amount instanceof BigDecimal decimal
                ? decimal
                : new BigDecimal(amount.toString().strip());
        return LocalFormats.amount(value, currency, language());
    }

    /** An amount as its merchant types it, with the currency's minor digits and no symbol: "25.00", "1200" (JPY). */
    public String plain(BigDecimal amount, String currency) {
        return Money.plain(amount, currency);
    }

    /** A moment in a zone (the store's or the tenant's; UTC when a page has none). */
    public String dateTime(Object moment, String zone) {
        Instant instant = instant(moment);
        if (instant == null) {
            return NONE;
        }
        return LocalFormats.dateTime(
                instant, zone == null || zone.isBlank() ? ZoneOffset.UTC : ZoneId.of(zone), language());
    }

    /** A day, or the day of a moment in a zone. */
    public String date(Object day, String zone) {
        if (day instanceof LocalDate date) {
            return LocalFormats.date(date, language());
        }
        if (day instanceof String text && text.length() == 10) {
            return LocalFormats.date(LocalDate.parse(text), language());
        }
        Instant instant = instant(day);
        if (instant == null) {
            return NONE;
        }
        ZoneId in = zone == null || zone.isBlank() ? ZoneOffset.UTC : ZoneId.of(zone);
        return LocalFormats.date(instant.atZone(in).toLocalDate(), language());
    }

    /**
     * A rate of the domain (a fraction: 0.4167 redeemed, 0.1000 commission) as people read it: "41.7 %", "10.0 %"; a
     * dash when there was nothing to divide. The report and the settlements showed the fraction itself ("0.1000" under
     * "Rate") while the dashboard said percent.
     */
    public String percent(BigDecimal rate) {
        return rate == null ? "–" : rate.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN) + " %";
    }

    /** The name people read for a status: {@code common.status.<kind>.<NAME>} in the bundle. */
    public String status(String kind, Object status) {
        return status == null ? NONE : Words.of(page.getLocale(), "common.status." + kind + "." + status);
    }

    /** A sentence of the bundle with its blanks filled: {@code #{fmt.words('page.deal.left', d.remaining())}}. */
    public String words(String key, Object first) {
        return Words.of(page.getLocale(), key, first);
    }

    public String words(String key, Object first, Object second) {
        return Words.of(page.getLocale(), key, first, second);
    }

    public String words(String key, Object first, Object second, Object third) {
        return Words.of(page.getLocale(), key, first, second, third);
    }

    private static Instant instant(Object moment) {
        if (moment == null || moment.toString().isBlank()) {
            return null;
        }
        if (moment instanceof Instant instant) {
            return instant;
        }
        if (moment instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        String text = moment.toString();
        return text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")
                ? OffsetDateTime.parse(text).toInstant()
                : Instant.parse(text + "Z");
    }
}
