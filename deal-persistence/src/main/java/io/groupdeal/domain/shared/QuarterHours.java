package io.groupdeal.domain.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Counting by a tenant's calendar days without time zone tables in the database: SQL groups by quarter hour since
 * the epoch (every time zone's offset today is a multiple of 15 minutes), Java folds the quarters into local days.
 */
public final class QuarterHours {

    private QuarterHours() {
    }

    /** The SQL expression of the quarter hour that a UTC {@code DATETIME} column falls in. */
    public static String of(String column) {
        return "FLOOR(TIMESTAMPDIFF(SECOND, '1970-01-01', " + column + ") / 900)";
    }

    /** The local day of a quarter hour that {@link #of} gave. */
    public static LocalDate day(Object quarter, ZoneId zone) {
        return Instant.ofEpochSecond(NativeSql.count(quarter) * 900).atZone(zone).toLocalDate();
    }
}
