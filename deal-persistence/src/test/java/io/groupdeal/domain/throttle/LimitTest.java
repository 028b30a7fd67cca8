package io.groupdeal.domain.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.domain.throttle.Limit.Decision;
import io.groupdeal.domain.throttle.Limit.Window;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LimitTest {

    private static final Limit LIMIT = new Limit(3, Duration.ofMinutes(15));
    private static final Instant T0 = Instant.parse("2026-11-30T01:00:00Z");

    @Test
    void theFirstAttemptOpensAWindow() {
        Decision first = LIMIT.decide(null, T0);
        assertTrue(first.isAllowed());
        assertEquals(new Window(T0, 1), first.window());
    }

    @Test
    void attemptsCountUpToTheLimitThenAreRefusedUntilTheWindowCloses() {
        Window window = null;
        for (int i = 1; i <= 3; i++) {
            Decision d = LIMIT.decide(window, T0.plusSeconds(i));
            assertTrue(d.isAllowed(), "attempt " + i);
            window = d.window();
        }
        assertEquals(new Window(T0.plusSeconds(1), 3), window);
        Decision refused = LIMIT.decide(window, T0.plusSeconds(60));
        assertFalse(refused.isAllowed());
        assertEquals(window, refused.window(), "a refused attempt is not counted");
        assertEquals(15 * 60 + 1 - 60, refused.retryAfterSeconds(), "until the window that opened at T0+1s closes");
        assertFalse(LIMIT.check(window, T0.plusSeconds(15 * 60)).isAllowed(), "the last moment of the window");
        Decision after = LIMIT.decide(window, T0.plusSeconds(15 * 60 + 1));
        assertTrue(after.isAllowed(), "a new window opens");
        assertEquals(new Window(T0.plusSeconds(15 * 60 + 1), 1), after.window());
    }

    @Test
    void retryAfterIsRoundedUpAndAtLeastOneSecond() {
        Window full = new Window(T0, 3);
        assertEquals(
                1,
                LIMIT.decide(full, T0.plus(Duration.ofMinutes(15)).minusMillis(1))
                        .retryAfterSeconds());
        assertEquals(
                2,
                LIMIT.decide(full, T0.plus(Duration.ofMinutes(15)).minusMillis(1001))
                        .retryAfterSeconds());
    }

    @Test
    void checkCountsNothing() {
        Window two = new Window(T0, 2);
        Decision check = LIMIT.check(two, T0.plusSeconds(5));
        assertTrue(check.isAllowed());
        assertEquals(two, check.window());
        assertFalse(LIMIT.check(new Window(T0, 3), T0.plusSeconds(5)).isAllowed());
        assertTrue(LIMIT.check(null, T0).isAllowed());
    }

    @Test
    void aLimitNeedsAnAttemptAndAWindow() {
        assertThrows(IllegalArgumentException.class, () -> new Limit(0, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new Limit(1, Duration.ZERO));
    }
}
