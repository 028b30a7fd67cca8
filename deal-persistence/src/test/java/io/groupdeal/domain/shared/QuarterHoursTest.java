package io.groupdeal.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuarterHoursTest {

    private static final long Q = 900;

    @Test
    void aPeriodOfWholeQuartersReadsExactlyItsQuarters() {
        Instant from = Instant.parse("2026-03-01T00:00:00Z");
        Instant to = Instant.parse("2026-03-02T00:00:00Z");
        assertEquals(
                List.of(from.getEpochSecond() / Q, to.getEpochSecond() / Q, from, to), QuarterHours.bounds(from, to));
    }

    @Test
    void aPeriodThatEndsInsideAQuarterReadsThatQuarterToo() {
        Instant from = Instant.parse("2026-03-01T00:07:00Z");
        Instant to = Instant.parse("2026-03-01T10:00:00.000001Z");
        List<Object> bounds = QuarterHours.bounds(from, to);
        assertEquals(Instant.parse("2026-03-01T00:00:00Z").getEpochSecond() / Q, bounds.get(0));
        assertEquals(Instant.parse("2026-03-01T10:15:00Z").getEpochSecond() / Q, bounds.get(1));
    }

    @Test
    void quartersBeforeTheEpochRoundDown() {
        assertEquals(
                -1L,
                QuarterHours.bounds(Instant.ofEpochSecond(-1), Instant.EPOCH).get(0));
    }

    @Test
    void aQuarterFallsOnTheTenantsDay() {
        long quarter = Instant.parse("2026-03-01T18:30:00Z").getEpochSecond() / Q;
        assertEquals(LocalDate.of(2026, 3, 1), QuarterHours.day(quarter, ZoneId.of("UTC")));
        assertEquals(LocalDate.of(2026, 3, 2), QuarterHours.day(quarter, ZoneId.of("Asia/Kolkata")));
        assertEquals(LocalDate.of(2026, 3, 2), QuarterHours.day(quarter, ZoneId.of("Asia/Kathmandu")));
    }
}
