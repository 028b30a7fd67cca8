package io.groupdeal.application;

import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.InvalidInput.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The days and periods that reports, statements and histories are asked for: calendar days from {@value #FIRST_YEAR}
 * to {@value #LAST_YEAR} (ISO dates reach the year 999999999, where the next day or the day's first instant no longer
 * exists and the database has no such time), and periods {@code from} to {@code to}, both included, about a year at most.
 */
public final class Periods {

    public static final int MAX_DAYS = 366;
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2999;

    private Periods() {}

    /** Whether the day is one that any figure of the product can be about. */
    public static boolean isWithinCalendar(LocalDate day) {
        return day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR;
    }

    /** 400 naming the field unless the day (when given) is within the calendar. */
    public static void requireDay(LocalDate day, String field) {
        if (day != null && !isWithinCalendar(day)) {
            throw new InvalidInput(field, "day-in-years", FIRST_YEAR, LAST_YEAR);
        }
    }

    /** 400 unless both days are given, within the calendar, in order, at most a year apart. */
    public static void require(LocalDate from, LocalDate to) {
        List<FieldError> errors = new ArrayList<>();
        if (from == null) {
            errors.add(FieldError.of("from", "required-such-as", "2026-11-01"));
        } else if (!isWithinCalendar(from)) {
            errors.add(FieldError.of("from", "day-in-years", FIRST_YEAR, LAST_YEAR));
        }
        if (to == null) {
            errors.add(FieldError.of("to", "required-such-as", "2026-11-30"));
        } else if (!isWithinCalendar(to)) {
            errors.add(FieldError.of("to", "day-in-years", FIRST_YEAR, LAST_YEAR));
        }
        if (errors.isEmpty() && to.isBefore(from)) {
            errors.add(FieldError.of("to", "not-before-from"));
        }
        if (errors.isEmpty() && from.plusDays(MAX_DAYS).isBefore(to)) {
            errors.add(FieldError.of("to", "days-after-from", MAX_DAYS));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
