package io.groupdeal.interfaces.web;

import io.groupdeal.application.Periods;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A page of figures for a period, such as {@code ?from=2026-11-01&to=2026-11-30}: the two days as the query string
 * gave them, and their parsing.
 */
abstract class PeriodPage {

    protected String from;
    protected String to;

    /**
     * The day written in {@code text}; the fallback when it is empty, or (with a message) when it is no date or a day
     * outside the years {@link Periods} allows.
     */
    static LocalDate day(String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            LocalDate day = LocalDate.parse(text.strip());
            if (Periods.isWithinCalendar(day)) {
                return day;
            }
            Messages.error(Words.of(
                    "page.period.years", String.valueOf(Periods.FIRST_YEAR), String.valueOf(Periods.LAST_YEAR)));
        } catch (DateTimeParseException e) {
            Messages.error(Words.of("page.period.format"));
        }
        return fallback;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }
}
