package io.groupdeal.interfaces.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Days that the report pages take from their query string, such as {@code ?from=2026-11-01&to=2026-11-30}. */
final class PageDates {

    private PageDates() {
    }

    /** The day written in {@code text}; the fallback when it is empty, or (with a message) when it is no date. */
    static LocalDate day(String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            Messages.error("Dates look like 2026-11-23.");
            return fallback;
        }
    }
}
