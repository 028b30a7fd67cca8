package io.groupdeal.domain.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Counting by a tenant's calendar days without time zone tables in the database: SQL groups by quarter hour since
 * the epoch (every time zone's offset today is a multiple of 15 minutes), Java folds the quarters into local days.
 * The coupon row stores the quarter hour of its sale and of its redemption ({@code created_quarter} and
 * {@code redeemed_quarter}, generated from {@code created_at} and {@code redeemed_at}, see V8__quarter_hours.sql),
 * and they lead the covering indexes: a period is read in quarter order and grouped as it is read.
 */
public final class QuarterHours {

    private static final long SECONDS = 900;

    /** A moment of a coupon whose quarter hour its row stores: the column of the quarter and the column of the time. */
    public enum Moment {
        SOLD("created_quarter", "created_at"),
        REDEEMED("redeemed_quarter", "redeemed_at");

        private final String quarter;
        private final String time;

        Moment(String quarter, String time) {
            this.quarter = quarter;
            this.time = time;
        }

        /** The column of the quarter hour, to select and group by. */
        public String quarter() {
            return quarter;
        }

        /** The column of the exact time. */
        public String time() {
            return time;
        }

        /**
         * The condition that the moment lies in a period, with the parameters of {@link #bounds}: the quarters make
         * it a range of the index, the times make it exact.
         */
        public String within() {
            return quarter + " >= ? AND " + quarter + " < ? AND " + time + " >= ? AND " + time + " < ?";
        }
    }

    private QuarterHours() {}

    /** The parameters of {@link Moment#within} for the period from {@code from} (inclusive) to {@code to} (exclusive). */
    public static List<Object> bounds(Instant from, Instant to) {
        return List.of(of(from), to.equals(start(of(to))) ? of(to) : of(to) + 1, from, to);
    }

    /** The quarter hour that an instant falls in. */
    static long of(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), SECONDS);
    }

    private static Instant start(long quarter) {
        return Instant.ofEpochSecond(quarter * SECONDS);
    }

    /** The local day of a quarter hour. */
    public static LocalDate day(long quarter, ZoneId zone) {
        return start(quarter).atZone(zone).toLocalDate();
    }
}
