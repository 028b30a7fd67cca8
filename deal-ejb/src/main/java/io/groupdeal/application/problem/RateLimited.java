package io.groupdeal.application.problem;

import java.time.Duration;

/**
 * Too many failed attempts in a short time (429); the client may try again after {@code retryAfterSeconds}. The
 * reason's words get the wait as their last value (a {@link Duration}).
 */
public class RateLimited extends Problem {

    private final long retryAfterSeconds;

    public RateLimited(String reason, long retryAfterSeconds) {
        super("rate-limited", Reason.of(reason, Duration.ofSeconds(Math.max(1, retryAfterSeconds))));
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public java.util.Map<String, Object> extensions() {
        return java.util.Map.of("retryAfterSeconds", retryAfterSeconds);
    }
}
