package io.groupdeal.application;

import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.InvalidInput.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The periods of reports and statements: calendar days {@code from} to {@code to}, both included, about a year at most. */
public final class Periods {

    public static final int MAX_DAYS = 366;

    private Periods() {
    }

    /** 400 unless both days are given, in order, at most a year apart. */
    public static void require(LocalDate from, LocalDate to) {
        List<FieldError> errors = new ArrayList<>();
        if (from == null) {
            errors.add(new FieldError("from", "is required, such as 2026-11-01"));
        }
        if (to == null) {
            errors.add(new FieldError("to", "is required, such as 2026-11-30"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        if (from != null && to != null && from.plusDays(MAX_DAYS).isBefore(to)) {
            errors.add(new FieldError("to", "must be at most " + MAX_DAYS + " days after from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
