package io.groupdeal.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Which hours of a period come from summaries: only whole hours inside one day, summarised and not stale. */
class DashboardHoursTest {

    private static final LocalDate FROM = LocalDate.of(2026, 10, 1);
    private static final LocalDate TO = LocalDate.of(2026, 10, 30);

    private static long hour(String instant) {
        return DashboardHours.hourOf(Instant.parse(instant));
    }

    @Test
    void aWholeHourZoneReadsEveryClosedHourFromItsSummary() {
        ZoneId zone = ZoneId.of("America/New_York");
        DashboardHours hours = DashboardHours.of(FROM, TO, zone, Long.MAX_VALUE, Set.of());
        assertEquals(hour("2026-10-01T04:00:00Z"), hours.first());
        assertEquals(hour("2026-10-31T04:00:00Z"), hours.end());
        assertTrue(hours.live().isEmpty(), hours.live()::toString);
        assertEquals(30 * 24, hours.end() - hours.first());
    }

    @Test
    void aDayThatStartsInsideAnHourHasThatHourReadLive() {
        for (String id :
                List.of("Asia/Kolkata", "Asia/Kathmandu", "America/St_Johns", "Australia/Adelaide", "Asia/Kabul")) {
            ZoneId zone = ZoneId.of(id);
            DashboardHours hours = DashboardHours.of(FROM, TO, zone, Long.MAX_VALUE, Set.of());
            for (LocalDate d = FROM; !d.isAfter(TO.plusDays(1)); d = d.plusDays(1)) {
                Instant start = d.atStartOfDay(zone).toInstant();
                long h = DashboardHours.hourOf(start);
                assertTrue(hours.live().contains(h), id + ": the hour in which " + d + " begins is read live");
            }
            assertEquals(31, hours.live().size(), id + ": only those hours");
            // every other hour lies wholly inside one of the zone's days
            LongStream.range(hours.first(), hours.end())
                    .filter(h -> !hours.live().contains(h))
                    .forEach(h -> {
                        ZonedDateTime a = DashboardHours.start(h).atZone(zone);
                        ZonedDateTime b =
                                DashboardHours.start(h + 1).minusNanos(1).atZone(zone);
                        assertEquals(a.toLocalDate(), b.toLocalDate(), id + " hour " + h);
                    });
        }
    }

    @Test
    void aHalfHourDaylightSavingChangeStaysExact() {
        // Lord Howe Island moves by 30 minutes (+10:30 to +11) on the first Sunday of October.
        ZoneId zone = ZoneId.of("Australia/Lord_Howe");
        DashboardHours hours = DashboardHours.of(FROM, TO, zone, Long.MAX_VALUE, Set.of());
        LongStream.range(hours.first(), hours.end())
                .filter(h -> !hours.live().contains(h))
                .forEach(h -> {
                    ZonedDateTime a = DashboardHours.start(h).atZone(zone);
                    ZonedDateTime b = DashboardHours.start(h + 1).minusNanos(1).atZone(zone);
                    assertEquals(a.toLocalDate(), b.toLocalDate(), "hour " + h);
                    assertFalse(
                            a.toLocalDate().isBefore(FROM) || b.toLocalDate().isAfter(TO),
                            "hour " + h + " inside the period");
                });
    }

    @Test
    void hoursNotSummarisedAndStaleHoursAreReadLive() {
        ZoneId zone = ZoneId.of("UTC");
        long first = hour("2026-10-01T00:00:00Z");
        long until = first + 100;
        DashboardHours hours =
                DashboardHours.of(FROM, TO, zone, until, Set.of(first + 3, first + 4, first + 7, first - 5));
        assertEquals(until, hours.summaryEnd(until));
        assertEquals(List.of(first + 3, first + 4, first + 7), hours.liveBefore(until));
        List<long[]> ranges = hours.liveRanges();
        assertEquals(3, ranges.size());
        assertEquals(List.of(first + 3, first + 5), List.of(ranges.get(0)[0], ranges.get(0)[1]));
        assertEquals(List.of(first + 7, first + 8), List.of(ranges.get(1)[0], ranges.get(1)[1]));
        assertEquals(List.of(until, hours.end()), List.of(ranges.get(2)[0], ranges.get(2)[1]));
    }

    @Test
    void aWholeUtcDayPeriodReadsItsTotalsFromDaySummariesOnly() {
        DashboardHours hours = DashboardHours.of(FROM, TO, ZoneId.of("UTC"), Long.MAX_VALUE, Set.of());
        DashboardHours.Split split = hours.split(hours.summaryEnd(Long.MAX_VALUE));
        assertEquals(List.of(List.of(hours.first() / 24, hours.first() / 24 + 30)), list(split.days()));
        assertTrue(split.hours().isEmpty());
    }

    @Test
    void aDayWithAStaleHourAndThePeriodsPartialDaysAreReadByHour() {
        ZoneId zone = ZoneId.of("Europe/Berlin"); // UTC+2 until 25 October, then UTC+1
        long first = hour("2026-09-30T22:00:00Z");
        long stale = hour("2026-10-10T13:00:00Z");
        DashboardHours hours = DashboardHours.of(FROM, TO, zone, Long.MAX_VALUE, Set.of(stale));
        DashboardHours.Split split = hours.split(hours.summaryEnd(Long.MAX_VALUE));
        long day1 = hour("2026-10-01T00:00:00Z") / 24;
        long day10 = hour("2026-10-10T00:00:00Z") / 24;
        assertEquals(List.of(List.of(day1, day10), List.of(day10 + 1, day1 + 29)), list(split.days()));
        assertEquals(
                List.of(
                        List.of(first, first + 2),
                        List.of(day10 * 24, stale),
                        List.of(stale + 1, day10 * 24 + 24),
                        List.of((day1 + 29) * 24, hour("2026-10-30T23:00:00Z"))),
                list(split.hours()));
    }

    @Test
    void everySummarisedHourIsCountedOnceByDayOrByHourAndNoLiveHourIs() {
        // liveTotals: live hours but those in which a day inside the period begins; the period's ends stay live
        for (String id :
                List.of("UTC", "Asia/Kolkata", "America/St_Johns", "Australia/Lord_Howe", "Pacific/Kiritimati")) {
            ZoneId zone = ZoneId.of(id);
            DashboardHours probe = DashboardHours.of(FROM, TO, zone, Long.MIN_VALUE, Set.of());
            for (long until : List.of(
                    Long.MIN_VALUE, probe.first() + 5, probe.first() + 24 * 7 + 3, probe.end() - 1, Long.MAX_VALUE)) {
                Set<Long> stale = Set.of(probe.first() + 30, probe.first() + 31, probe.first() + 24 * 20);
                DashboardHours hours = DashboardHours.of(FROM, TO, zone, until, stale);
                long summaryEnd = hours.summaryEnd(until);
                DashboardHours.Split split = hours.split(summaryEnd);
                List<Long> counted = new ArrayList<>();
                split.days().forEach(r -> LongStream.range(r[0] * 24, r[1] * 24).forEach(counted::add));
                split.hours().forEach(r -> LongStream.range(r[0], r[1]).forEach(counted::add));
                List<Long> expected = LongStream.range(hours.first(), summaryEnd)
                        .filter(h -> !hours.liveTotals().contains(h))
                        .boxed()
                        .toList();
                assertEquals(expected, counted.stream().sorted().toList(), id + " until " + until);
            }
        }
    }

    @Test
    void inAHalfHourZoneTheDaysBeginningInsideThePeriodDoNotKeepItsTotalsFromDaySummaries() {
        ZoneId zone = ZoneId.of("Asia/Kolkata"); // days begin at 18:30 UTC
        DashboardHours hours = DashboardHours.of(FROM, TO, zone, Long.MAX_VALUE, Set.of());
        long start = hour("2026-09-30T18:00:00Z");
        long end = hour("2026-10-30T18:00:00Z");
        assertEquals(Set.of(start, end), hours.liveTotals(), "only the hours partly outside the period");
        assertEquals(31, hours.live().size(), "the by-day figures still read every day's first hour by quarter");
        DashboardHours.Split split = hours.split(hours.summaryEnd(Long.MAX_VALUE));
        long day1 = hour("2026-10-01T00:00:00Z") / 24;
        assertEquals(List.of(List.of(day1, day1 + 29)), list(split.days()));
        assertEquals(List.of(List.of(start + 1, day1 * 24), List.of((day1 + 29) * 24, end)), list(split.hours()));
    }

    private static List<List<Long>> list(List<long[]> ranges) {
        return ranges.stream().map(r -> List.of(r[0], r[1])).toList();
    }

    @Test
    void aTenantWithoutSummariesIsReadLiveWhole() {
        DashboardHours hours = DashboardHours.of(FROM, TO, ZoneId.of("UTC"), Long.MIN_VALUE, Set.of());
        assertEquals(hours.first(), hours.summaryEnd(Long.MIN_VALUE));
        assertEquals(1, hours.liveRanges().size());
        assertEquals(30 * 24, hours.live().size());
    }
}
