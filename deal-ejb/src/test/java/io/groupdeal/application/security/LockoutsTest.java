package io.groupdeal.application.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LockoutsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T04:00:00Z");

    private final Lockouts lockouts = new Lockouts();

    @Test
    void aRefusalIsRememberedUntilItsWindowClosesInWholeSecondsRoundedUp() {
        lockouts.remember("address:203.0.113.7", NOW.plusSeconds(90).plusMillis(1), NOW);
        assertEquals(OptionalLong.of(91), lockouts.refusedFor(List.of("address:203.0.113.7"), NOW));
        assertEquals(OptionalLong.of(1), lockouts.refusedFor(List.of("address:203.0.113.7"), NOW.plusSeconds(90)));
        assertTrue(
                lockouts.refusedFor(List.of("address:203.0.113.7"), NOW.plusSeconds(91))
                        .isEmpty(),
                "the window closed");
        assertTrue(lockouts.refusedFor(List.of("address:203.0.113.7"), NOW).isEmpty(), "and it is forgotten");
    }

    @Test
    void onlyTheSubjectsSeenLockedAreRefusedAndTheLongestWaitIsTold() {
        lockouts.remember("login:a", NOW.plusSeconds(30), NOW);
        lockouts.remember("address:b", NOW.plusSeconds(600), NOW);
        assertEquals(OptionalLong.of(600), lockouts.refusedFor(List.of("login:a", "address:b"), NOW));
        assertEquals(OptionalLong.of(30), lockouts.refusedFor(List.of("login:a", "address:c"), NOW));
        assertTrue(
                lockouts.refusedFor(List.of("login:other", "address:c"), NOW).isEmpty(),
                "unknown here: the database decides");
    }

    @Test
    void anAttemptGivenBackForgetsTheLock() {
        lockouts.remember("login:a", NOW.plusSeconds(30), NOW);
        lockouts.forget("login:a");
        assertTrue(lockouts.refusedFor(List.of("login:a"), NOW).isEmpty());
    }

    @Test
    void aLaterRefusalOfTheSameSubjectKeepsTheLaterEnd() {
        lockouts.remember("login:a", NOW.plusSeconds(60), NOW);
        lockouts.remember("login:a", NOW.plusSeconds(30), NOW);
        assertEquals(OptionalLong.of(60), lockouts.refusedFor(List.of("login:a"), NOW));
    }

    @Test
    void memoryIsBoundedAndClosedWindowsMakeRoom() {
        for (int i = 0; i < Lockouts.CAPACITY; i++) {
            lockouts.remember("address:" + i, NOW.plusSeconds(i == 0 ? 1 : 600), NOW);
        }
        lockouts.remember("address:full", NOW.plusSeconds(600), NOW);
        assertTrue(lockouts.refusedFor(List.of("address:full"), NOW).isEmpty(), "full: the database answers alone");
        lockouts.remember("address:later", NOW.plusSeconds(600), NOW.plusSeconds(2));
        assertEquals(
                OptionalLong.of(598),
                lockouts.refusedFor(List.of("address:later"), NOW.plusSeconds(2)),
                "a closed window made room");
        assertTrue(lockouts.refusedFor(List.of("address:0"), NOW.plusSeconds(2)).isEmpty());
    }
}
