package io.groupdeal.application.security;

import io.groupdeal.application.problem.RateLimited;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The throttle's refusals that this instance has seen, kept in memory until the windows that refused them close, so
 * that a locked email or client address is answered 429 without a database row lock and without a hashing turn (a
 * locked address even before its request is read). The shared {@code throttle} table stays the rule: only a refusal
 * the database decided is remembered, nothing is admitted from memory, and a subject unknown here goes to the
 * database as before, so the limits hold across instances. A fixed window that refused stays refused until it
 * closes (a refused attempt counts nothing); the one exception, a right password admitted before the lock and
 * giving its attempt back afterwards, is forgotten here when it happens on this instance.
 *
 * <p>Bounded: a flood of made-up subjects that each get locked keeps at most {@link #CAPACITY} in memory; beyond,
 * the closed windows are dropped, and when none closed the database answers alone.
 */
@ApplicationScoped
public class Lockouts {

    static final int CAPACITY = 100_000;

    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

    @Inject
    private Clock clock;

    /** 429 {@code rate-limited} when a login of this email from this address would be refused by a known lock. */
    public void requireNoneForLogin(String email, String clientAddress) {
        require(List.of(Throttle.emailSubject(email), Throttle.addressSubject(clientAddress)));
    }

    /** The refusal of any login or sign-up from this client address, when it is known to be locked. */
    public java.util.Optional<RateLimited> refusalOfAddress(String clientAddress) {
        OptionalLong seconds = refusedFor(List.of(Throttle.addressSubject(clientAddress)), clock.instant());
        return seconds.isPresent() ? java.util.Optional.of(refusal(seconds.getAsLong())) : java.util.Optional.empty();
    }

    void require(Collection<String> subjects) {
        OptionalLong seconds = refusedFor(subjects, clock.instant());
        if (seconds.isPresent()) {
            throw refusal(seconds.getAsLong());
        }
    }

    /** The longest wait among the subjects locked at {@code now}, rounded up to whole seconds; empty when none is. */
    OptionalLong refusedFor(Collection<String> subjects, Instant now) {
        long longest = 0;
        for (String subject : subjects) {
            Instant until = lockedUntil.get(subject);
            if (until == null) {
                continue;
            }
            if (!now.isBefore(until)) {
                lockedUntil.remove(subject, until);
                continue;
            }
            Duration left = Duration.between(now, until);
            longest = Math.max(longest, left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0));
        }
        return longest > 0 ? OptionalLong.of(longest) : OptionalLong.empty();
    }

    /** The database refused {@code subject} until {@code until}. */
    void remember(String subject, Instant until) {
        remember(subject, until, clock.instant());
    }

    void remember(String subject, Instant until, Instant now) {
        if (lockedUntil.size() >= CAPACITY) {
            lockedUntil.values().removeIf(u -> !now.isBefore(u));
            if (lockedUntil.size() >= CAPACITY) {
                return;
            }
        }
        lockedUntil.merge(subject, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** An attempt of {@code subject} was given back: the database may admit it again. */
    void forget(String subject) {
        lockedUntil.remove(subject);
    }

    private static RateLimited refusal(long seconds) {
        return Throttle.rateLimited("rate-limited.attempts", seconds);
    }
}
