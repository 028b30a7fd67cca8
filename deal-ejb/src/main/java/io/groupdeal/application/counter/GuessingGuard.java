package io.groupdeal.application.counter;

import io.groupdeal.application.problem.RateLimited;
import io.groupdeal.domain.redemption.FailedAttempts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Guessing protection: after {@value #LIMIT} failed code attempts (unknown or with a wrong check symbol) within
 * {@link #WINDOW}, an account gets 429 until the oldest of them leaves the window. The failures are in the database,
 * written in their own transaction (the request that failed rolls back), so every server instance counts them all.
 * Parallel attempts of one account may pass the limit by the few that are in flight at once.
 */
@Stateless
@RolesAllowed({"STAFF", "MERCHANT_ADMIN"})
public class GuessingGuard {

    static final int LIMIT = 10;
    static final Duration WINDOW = Duration.ofMinutes(5);

    @Inject
    private FailedAttempts attempts;

    @Inject
    private Clock clock;

    /** 429 {@code rate-limited} when the account failed {@value #LIMIT} times within the window. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void requireAllowed(String accountId) {
        Instant now = clock.instant();
        attempts.nthNewestSince(accountId, now.minus(WINDOW), LIMIT).ifPresent(tenth -> {
            long seconds = Duration.between(now, tenth.plus(WINDOW)).toSeconds() + 1;
            throw new RateLimited("Too many unknown or mistyped codes in a few minutes. Try again in "
                    + (seconds > 90 ? (seconds + 59) / 60 + " minutes" : seconds + " seconds") + ".", seconds);
        });
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(String accountId) {
        Instant now = clock.instant();
        attempts.record(accountId, now, now.minus(WINDOW));
    }
}
