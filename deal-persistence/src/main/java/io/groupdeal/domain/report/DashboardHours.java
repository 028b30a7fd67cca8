package io.groupdeal.domain.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which hours of a dashboard's period come from the hour summaries and which from the coupons. Hours are UTC hours
 * since the epoch. An hour is read from its summary only when it is summarised (before the tenant's
 * {@code summarised_until}), not marked stale, and lies wholly inside one of the tenant's days: in a zone whose offset
 * is not a whole number of hours (India, Nepal, Newfoundland, Adelaide, Lord Howe in summer...) a day starts inside an
 * hour, and that hour is read from the coupons by quarter hour as before, so the days stay exactly the tenant's own.
 * Everything else (the open hour, hours not summarised yet, stale hours) is read from the coupons too. The period's
 * totals by deal and by store need no days: an hour read from the coupons only because one of the tenant's days
 * begins inside it, wholly inside the period, gives them its summary, so that whole UTC days are summed from their
 * day summaries in such zones too ({@link #split}).
 *
 * @param first      the first hour touching the period
 * @param end        the hour after the last one touching the period
 * @param live       the hours of {@code [first, end)} read from the coupons
 * @param liveTotals the hours of {@code [first, end)} whose totals by deal and by store are read from the coupons: the
 *                   live hours but those in which only a day inside the period begins (their summaries count)
 */
public record DashboardHours(long first, long end, NavigableSet<Long> live, NavigableSet<Long> liveTotals) {

    private static final long SECONDS = 3600;
    /** A UTC day has 24 whole hours: day = hour DIV 24 (V27__dashboard_days.sql). */
    public static final long HOURS_A_DAY = 24;

    /** The hour an instant falls in. */
    public static long hourOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), SECONDS);
    }

    public static Instant start(long hour) {
        return Instant.ofEpochSecond(hour * SECONDS);
    }

    /**
     * The hours of the days {@code from} to {@code to} of the zone.
     *
     * @param summarisedUntil the hours before it are summarised (none when the tenant has no summary yet: pass
     *                        {@link Long#MIN_VALUE})
     * @param stale           hours marked stale
     */
    public static DashboardHours of(LocalDate from, LocalDate to, ZoneId zone, long summarisedUntil, Set<Long> stale) {
        List<Instant> boundaries = from.datesUntil(to.plusDays(2))
                .map(d -> d.atStartOfDay(zone).toInstant())
                .toList();
        Instant start = boundaries.get(0);
        Instant end = boundaries.get(boundaries.size() - 1);
        long first = hourOf(start);
        long last = hourOf(end.minusNanos(1)) + 1;
        NavigableSet<Long> live = new TreeSet<>();
        NavigableSet<Long> liveTotals = new TreeSet<>();
        for (Instant boundary : boundaries) {
            if (!boundary.equals(start(hourOf(boundary)))) {
                live.add(hourOf(boundary));
                if (boundary.equals(start) || boundary.equals(end)) {
                    liveTotals.add(hourOf(boundary)); // partly outside the period
                }
            }
        }
        live.removeIf(h -> h >= last);
        liveTotals.removeIf(h -> h >= last);
        for (long h = Math.max(first, summarisedUntil); h < last; h++) {
            live.add(h);
            liveTotals.add(h);
        }
        stale.stream().filter(h -> h >= first && h < last).forEach(h -> {
            live.add(h);
            liveTotals.add(h);
        });
        return new DashboardHours(first, last, live, liveTotals);
    }

    /** The end of the summarised hours of the period: from {@code first} up to here, all but {@link #live} are summaries. */
    public long summaryEnd(long summarisedUntil) {
        return Math.max(first, Math.min(end, summarisedUntil));
    }

    /** The live hours before {@code summaryEnd}: the ones the summary reads must leave out. */
    public List<Long> liveBefore(long summaryEnd) {
        return List.copyOf(live.headSet(summaryEnd, false));
    }

    /** The live hours as ranges of adjacent hours, {@code [from, to)}. */
    public List<long[]> liveRanges() {
        List<long[]> ranges = new ArrayList<>();
        live.forEach(h -> extend(ranges, h));
        return ranges;
    }

    /**
     * The summarised hours of {@code [first, summaryEnd)} that are not in {@link #liveTotals}, split for the period's
     * totals (by deal, by store): the whole UTC days among them ({@code day} = hour DIV 24: 24 hours, none of them in
     * {@code liveTotals}, all before {@code summaryEnd}), whose day summaries equal the sum of their 24 hour
     * summaries, and the other hours, read one by one. Each such hour is in exactly one of the two, so the totals add
     * up to what the hours give.
     */
    public Split split(long summaryEnd) {
        List<long[]> days = new ArrayList<>();
        List<long[]> hours = new ArrayList<>();
        long h = first;
        while (h < summaryEnd) {
            long dayEnd = h + HOURS_A_DAY;
            if (Math.floorMod(h, HOURS_A_DAY) == 0
                    && dayEnd <= summaryEnd
                    && liveTotals.subSet(h, dayEnd).isEmpty()) {
                extend(days, h / HOURS_A_DAY);
                h = dayEnd;
            } else {
                if (!liveTotals.contains(h)) {
                    extend(hours, h);
                }
                h++;
            }
        }
        return new Split(days, hours);
    }

    /**
     * The summarised, not live hours of a period as whole UTC days and single hours.
     *
     * @param days  ranges of UTC days {@code [from, to)} (day: hour DIV 24) read from the day summaries
     * @param hours ranges of hours {@code [from, to)} read from the hour summaries
     */
    public record Split(List<long[]> days, List<long[]> hours) {}

    /** The UTC day (hour DIV 24) of each hour of {@code ranges}, as ranges of days {@code [from, to)}. */
    public static List<long[]> daysOf(List<long[]> ranges) {
        List<long[]> days = new ArrayList<>();
        for (long[] r : ranges) {
            for (long d = Math.floorDiv(r[0], HOURS_A_DAY); d <= Math.floorDiv(r[1] - 1, HOURS_A_DAY); d++) {
                long[] last = days.isEmpty() ? null : days.get(days.size() - 1);
                if (last == null || d >= last[1]) {
                    extend(days, d);
                }
            }
        }
        return days;
    }

    /** Adds {@code n} to ascending ranges {@code [from, to)}: extends the last one when adjacent. */
    private static void extend(List<long[]> ranges, long n) {
        long[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
        if (last != null && last[1] == n) {
            last[1] = n + 1;
        } else {
            ranges.add(new long[] {n, n + 1});
        }
    }
}
