package io.groupdeal.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.domain.report.SummaryPlan.CouponMark;
import io.groupdeal.domain.report.SummaryPlan.Mark;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary job's decisions: what it builds, how far it moves, which marks it deletes. */
class SummaryPlanTest {

    private static List<List<Long>> ranges(SummaryPlan plan) {
        return plan.rebuild().stream().map(r -> List.of(r[0], r[1])).toList();
    }

    @Test
    void closedHoursAreBuiltUpToTheBoundAndAtMostMaxHoursAtATime() {
        SummaryPlan plan = SummaryPlan.of(100, 103, List.of(), 168);
        assertEquals(List.of(List.of(100L, 103L)), ranges(plan));
        assertEquals(103, plan.summarisedUntil());

        SummaryPlan far = SummaryPlan.of(100, 1000, List.of(), 168);
        assertEquals(List.of(List.of(100L, 268L)), ranges(far));
        assertEquals(268, far.summarisedUntil());
    }

    @Test
    void summarisedUntilNeverMovesBack() {
        // an instance whose clock is behind
        SummaryPlan plan = SummaryPlan.of(100, 90, List.of(), 168);
        assertEquals(100, plan.summarisedUntil());
        assertTrue(plan.idle());
    }

    @Test
    void staleHoursAreBuiltAgainAndExactlyTheirMarksRead() {
        List<Mark> marks =
                List.of(new Mark(40, "A"), new Mark(40, "B"), new Mark(41, "C"), new Mark(60, "D"), new Mark(101, "E"));
        SummaryPlan plan = SummaryPlan.of(100, 102, marks, 168);
        assertEquals(List.of(List.of(40L, 42L), List.of(60L, 61L), List.of(100L, 102L)), ranges(plan));
        assertEquals(marks, plan.forget(), "every mark read is of an hour built in this pass");
        assertEquals(102, plan.summarisedUntil());
    }

    @Test
    void aMarkOfAnHourNotBuiltStays() {
        List<Mark> marks = new ArrayList<>();
        for (long h = 0; h < 5; h++) {
            marks.add(new Mark(h * 2, "M" + h));
        }
        SummaryPlan plan = SummaryPlan.of(100, 100, marks, 3);
        assertEquals(List.of(List.of(0L, 1L), List.of(2L, 3L), List.of(4L, 5L)), ranges(plan));
        assertEquals(marks.subList(0, 3), plan.forget(), "only the three hours built lose their marks");
    }

    @Test
    void theUtcDaysOfEveryHourBuiltAreSummedAgainOnce() {
        List<Mark> marks = List.of(new Mark(40, "A"), new Mark(47, "B"), new Mark(60, "C"), new Mark(95, "D"));
        SummaryPlan plan = SummaryPlan.of(100, 500, marks, 168);
        // hours 40, 47, 60 are in day 1 and 2; 95 in day 3; 100..267 in days 4..11
        assertEquals(List.of(List.of(1L, 12L)), days(plan));

        SummaryPlan apart = SummaryPlan.of(300, 301, List.of(new Mark(30, "A"), new Mark(31, "B")), 168);
        assertEquals(List.of(List.of(1L, 2L), List.of(12L, 13L)), days(apart));
        assertTrue(SummaryPlan.of(100, 100, List.of(), 168).days().isEmpty());
    }

    private static List<List<Long>> days(SummaryPlan plan) {
        return plan.days().stream().map(r -> List.of(r[0], r[1])).toList();
    }

    @Test
    void aCouponsMarkBuildsItsSummarisedHoursAndIsClearedOnlyWhenNoneStaysUnbuilt() {
        CouponMark old = new CouponMark("C1", "M1", List.of(40L, 99L)); // sold and redeemed in summarised hours
        CouponMark live = new CouponMark("C2", "M2", List.of(101L, 102L)); // both hours not summarised yet
        CouponMark half = new CouponMark("C3", "M3", List.of(50L, 101L)); // sold in a summarised hour
        SummaryPlan plan = SummaryPlan.of(100, 101, List.of(), List.of(old, live, half), 168);
        assertEquals(List.of(List.of(40L, 41L), List.of(50L, 51L), List.of(99L, 101L)), ranges(plan));
        assertEquals(List.of(old, live, half), plan.clear(), "each hour built now or built from the coupons later");
        assertTrue(plan.forget().isEmpty());
        assertTrue(!plan.idle());

        // Only two stale hours a pass: the coupon whose sale hour is not built keeps its mark.
        SummaryPlan capped = SummaryPlan.of(100, 100, List.of(new Mark(10, "A")), List.of(old, half), 2);
        assertEquals(List.of(List.of(10L, 11L), List.of(40L, 41L)), ranges(capped));
        assertEquals(List.of(), capped.clear(), "hour 99 of C1 and hour 50 of C3 stay unbuilt");
        assertEquals(List.of(new Mark(10, "A")), capped.forget());

        SummaryPlan onlyLive = SummaryPlan.of(100, 100, List.of(), List.of(live), 168);
        assertTrue(onlyLive.rebuild().isEmpty());
        assertEquals(List.of(live), onlyLive.clear(), "a mark of hours not summarised yet is cleared at once");
    }

    @Test
    void nothingToDoIsIdle() {
        assertTrue(SummaryPlan.of(100, 100, List.of(), 168).idle());
    }
}
