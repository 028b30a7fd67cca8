package io.groupdeal.interfaces.rest;

import io.groupdeal.application.Periods;
import io.groupdeal.application.problem.InvalidInput;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A query parameter naming a day, such as {@code ?date=2026-11-23}; absent or blank is null; a day of the years {@link Periods} allows. */
public final class DateParam {

    private DateParam() {
    }

    public static LocalDate parse(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "date-such-as", "2026-11-23");
        }
        Periods.requireDay(day, field);
        return day;
    }
}
