package io.groupdeal.infrastructure.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClockProducerTest {

    @Test
    void theProductsClockTellsUtcInWholeMicrosecondsAndKeepsUpWithTheSystemClock() {
        Clock clock = new ClockProducer().clock();

        assertEquals(ZoneOffset.UTC, clock.getZone());
        for (int i = 0; i < 1_000; i++) {
            Instant before = Instant.now();
            Instant now = clock.instant();
            Instant after = Instant.now();
            assertEquals(0, now.getNano() % 1_000, now::toString);
            assertTrue(!now.isBefore(before.minus(ClockProducer.TICK)) && !now.isAfter(after), now::toString);
        }
        assertTrue(Duration.between(clock.instant(), Instant.now()).abs().toMillis() < 1_000);
    }
}
