package io.groupdeal.application.problem;

/**
 * The server is at its bound for this kind of work (503): nothing was done, and the same request may be sent again
 * after {@code retryAfterSeconds}. One exception, which its words say: an order that other buyers' locks kept from
 * being completed after the gateway answered ({@code busy.order-in-progress}) is kept for the reconciler, and the
 * same request with the same Idempotency-Key answers what it became.
 */
public class Busy extends Problem {

    private final long retryAfterSeconds;

    public Busy(Reason reason, long retryAfterSeconds) {
        super("busy", reason);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
