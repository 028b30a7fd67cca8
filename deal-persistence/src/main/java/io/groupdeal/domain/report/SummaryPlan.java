package io.groupdeal.domain.report;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one pass of the summary job does for a tenant, decided from what it read with the tenant claimed: build the
 * hours that closed since {@code summarised_until} (at most {@code maxHours} of them, oldest first), build again the
 * summarised hours that have stale marks, rows or coupons' (at most {@code maxHours} distinct hours, oldest first),
 * and delete exactly the marks it read of the hours it builds. A mark of an hour it does not build stays, whatever
 * else happens; a coupon's mark is cleared only when none of its hours stays summarised unbuilt (each is built in
 * this pass or not summarised yet, and so built from the coupons when it is). The UTC days of the hours it builds
 * are summed again from their hours in the same pass ({@link #days}).
 *
 * @param rebuild         ranges of hours {@code [from, to)} to build from the coupons, adjacent hours merged
 * @param summarisedUntil the tenant's new {@code summarised_until} (never lower than before)
 * @param forget          the marks to delete
 * @param clear           the coupons' marks to clear
 */
public record SummaryPlan(List<long[]> rebuild, long summarisedUntil, List<Mark> forget, List<CouponMark> clear) {

    /** A stale mark as read. */
    public record Mark(long hour, String id) {}

    /**
     * A coupon's mark as read ({@code coupon.summary_mark}, set by a redemption), with the hours the coupon counted
     * in when it was read: the hour of its sale, and of its redemption if it has one.
     */
    public record CouponMark(String couponId, String mark, List<Long> hours) {}

    /** A plan from marks of hours only. */
    public static SummaryPlan of(long summarisedUntil, long closedUntil, List<Mark> marks, int maxHours) {
        return of(summarisedUntil, closedUntil, marks, List.of(), maxHours);
    }

    /**
     * @param summarisedUntil the tenant's {@code summarised_until} as locked
     * @param closedUntil     the hours before it are over (and a little more)
     * @param marks           marks of hours before {@link #advance} read after the claim
     * @param couponMarks     coupons' marks read after the claim
     */
    public static SummaryPlan of(
            long summarisedUntil, long closedUntil, List<Mark> marks, List<CouponMark> couponMarks, int maxHours) {
        long until = advance(summarisedUntil, closedUntil, maxHours);
        SortedSet<Long> stale = new TreeSet<>();
        marks.forEach(m -> stale.add(m.hour));
        couponMarks.forEach(m -> stale.addAll(m.hours));
        SortedSet<Long> hours = new TreeSet<>(
                stale.headSet(summarisedUntil).stream().limit(maxHours).toList());
        for (long h = summarisedUntil; h < until; h++) {
            hours.add(h);
        }
        List<Mark> forget = marks.stream().filter(m -> hours.contains(m.hour)).toList();
        List<CouponMark> clear = couponMarks.stream()
                .filter(m -> m.hours.stream().allMatch(h -> hours.contains(h) || h >= until))
                .toList();
        List<long[]> ranges = new ArrayList<>();
        for (long h : hours) {
            long[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && last[1] == h) {
                last[1] = h + 1;
            } else {
                ranges.add(new long[] {h, h + 1});
            }
        }
        return new SummaryPlan(ranges, until, forget, clear);
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

    /** Nothing to build, nothing to forget, nothing to clear. */
    public boolean idle() {
        return rebuild.isEmpty() && forget.isEmpty() && clear.isEmpty();
    }
}
