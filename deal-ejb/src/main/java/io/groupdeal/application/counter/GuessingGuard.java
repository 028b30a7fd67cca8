package io.groupdeal.application.counter;

import io.groupdeal.application.security.Throttle;
import io.groupdeal.domain.throttle.Attempts;
import io.groupdeal.domain.throttle.Limit;
import io.groupdeal.domain.throttle.Limit.Decision;
import io.groupdeal.domain.throttle.Limit.Window;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Guessing protection: after 10 failed code attempts (unknown or with a wrong check symbol) within five minutes, an
 * account gets 429 for the rest of those five minutes ({@link Limit}, the same rule as logins). The failures are in
 * the database, counted in their own transaction (the request that failed rolls back), so every server instance
 * counts them all. Parallel attempts of one account may pass the limit by the few that are in flight at once: a
 * code is checked before its failure is counted.
 */
@Stateless
@RolesAllowed({"STAFF", "MERCHANT_ADMIN"})
public class GuessingGuard {

    static final Limit LIMIT = new Limit(10, Duration.ofMinutes(5));

    @Inject
    private Attempts attempts;

    @Inject
    private Clock clock;

    /** 429 {@code rate-limited} when the account failed 10 times within its window. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void requireAllowed(String accountId) {
        requireAllowed(attempts.read(subject(accountId)), clock.instant());
    }

    /**
     * The same check on a window the caller already read (with the counter's other checks, {@code
     * RedemptionRepository.desk}): 429 {@code rate-limited} when it holds 10 failures.
     */
    static void requireAllowed(Window window, Instant now) {
        Decision decision = LIMIT.check(window, now);
        if (!decision.isAllowed()) {
            throw Throttle.rateLimited("rate-limited.codes", decision.retryAfterSeconds());
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(String accountId) {
        String subject = subject(accountId);
        Decision decision = LIMIT.decide(attempts.lock(subject), clock.instant());
        if (decision.isAllowed()) {
            attempts.save(subject, decision.window());
        }
    }

    /** The account's row in the shared {@code throttle} table. */
    static String subject(String accountId) {
        return "counter:" + accountId;
    }
}
