package io.groupdeal.domain.report;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one pass of the summary job does for a tenant, decided from what it read with the tenant claimed: build the
 * hours that closed since {@code summarised_until} (at most {@code maxHours} of them, oldest first), build again the
 * summarised hours that have stale marks (at most {@code maxHours} distinct hours, oldest first), and delete exactly
 * the marks it read of the hours it builds. A mark of an hour it does not build stays, whatever else happens. The
 * UTC days of the hours it builds are summed again from their hours in the same pass ({@link #days}).
 *
 * @param rebuild         ranges of hours {@code [from, to)} to build from the coupons, adjacent hours merged
 * @param summarisedUntil the tenant's new {@code summarised_until} (never lower than before)
 * @param forget          the marks to delete
 */
public record SummaryPlan(List<long[]> rebuild, long summarisedUntil, List<Mark> forget) {

    /** A stale mark as read. */
    public record Mark(long hour, String id) {}

    /**
     * @param summarisedUntil the tenant's {@code summarised_until} as locked
     * @param closedUntil     the hours before it are over (and a little more)
     * @param marks           marks of hours before {@link #advance} read after the claim, in hour order
     */
    public static SummaryPlan of(long summarisedUntil, long closedUntil, List<Mark> marks, int maxHours) {
        long until = advance(summarisedUntil, closedUntil, maxHours);
        SortedSet<Long> hours = new TreeSet<>();
        for (Mark m : marks) {
            if (m.hour < summarisedUntil && !hours.contains(m.hour) && hours.size() < maxHours) {
                hours.add(m.hour);
            }
        }
        for (long h = summarisedUntil; h < until; h++) {
            hours.add(h);
        }
        List<Mark> forget = marks.stream().filter(m -> hours.contains(m.hour)).toList();
        List<long[]> ranges = new ArrayList<>();
        for (long h : hours) {
            long[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && last[1] == h) {
                last[1] = h + 1;
            } else {
                ranges.add(new long[] {h, h + 1});
            }
        }
        return new SummaryPlan(ranges, until, forget);
    }

    /** The new {@code summarised_until}: up to {@code closedUntil}, at most {@code maxHours} further, never back. */
    public static long advance(long summarisedUntil, long closedUntil, int maxHours) {
        return Math.max(summarisedUntil, Math.min(closedUntil, summarisedUntil + maxHours));
    }

    /**
     * The UTC days to sum again from their hours after the hours are built, as ranges {@code [from, to)}: every day
     * that has an hour in {@link #rebuild}, so that a day summary always equals the sum of its hours' summaries.
     */
    public List<long[]> days() {
        return DashboardHours.daysOf(rebuild);
    }

    /** Nothing to build and nothing to forget. */
    public boolean idle() {
        return rebuild.isEmpty() && forget.isEmpty();
    }
}
