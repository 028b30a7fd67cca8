package io.groupdeal.domain.throttle;

import java.time.Duration;
import java.time.Instant;

/**
 * At most {@code attempts} within {@code window}: the window opens with the first attempt after the last one closed,
 * and once the attempts are used up every further one is refused until it closes (a fixed window: a subject gets at
 * most twice the limit within any one window's length, at the turn of two windows). The one place of the rule, for
 * logins, sign-ups and the counter's guessing protection alike.
 */
public record Limit(int attempts, Duration window) {

    public Limit {
        if (attempts < 1 || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a limit needs at least one attempt in a positive window");
        }
    }

    /** What one more attempt at {@code now} meets, given the subject's window so far (null: none yet). */
    public Decision decide(Window current, Instant now) {
        if (current == null || !now.isBefore(current.start().plus(window))) {
            return Decision.allowed(new Window(now, 1));
        }
        if (current.attempts() >= attempts) {
            return Decision.refused(
                    current, Duration.between(now, current.start().plus(window)));
        }
        return Decision.allowed(new Window(current.start(), current.attempts() + 1));
    }

    /** Whether the subject is refused at {@code now} without counting an attempt. */
    public Decision check(Window current, Instant now) {
        if (current != null && now.isBefore(current.start().plus(window)) && current.attempts() >= attempts) {
            return Decision.refused(
                    current, Duration.between(now, current.start().plus(window)));
        }
        return Decision.allowed(current);
    }

    /** A subject's open window: since when, and how many attempts it counted. */
    public record Window(Instant start, int attempts) {}

    /**
     * Allowed, with the window to store (the attempt counted), or refused, with the time until the window closes
     * (at least a second, rounded up: the value of {@code Retry-After}).
     */
    public record Decision(boolean isAllowed, Window window, long retryAfterSeconds) {

        static Decision allowed(Window window) {
            return new Decision(true, window, 0);
        }

        static Decision refused(Window window, Duration left) {
            long seconds = left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0);
            return new Decision(false, window, Math.max(1, seconds));
        }
    }
}
