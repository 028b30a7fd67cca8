package io.groupdeal.application.problem;

/** Too many failed attempts in a short time (429); the client may try again after {@code retryAfterSeconds}. */
public class RateLimited extends Problem {

    private final long retryAfterSeconds;

    public RateLimited(String detail, long retryAfterSeconds) {
        super("rate-limited", "Too many attempts", detail);
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
