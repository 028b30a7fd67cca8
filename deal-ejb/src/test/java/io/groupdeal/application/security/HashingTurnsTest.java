package io.groupdeal.application.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HashingTurnsTest {

    /** The refusal a test sees: what the gate's 503 busy stands for. */
    static final class Refused extends RuntimeException {
        Refused() {
            super("busy", null, false, false);
        }
    }

    /** Processor time the work says it took (a real hash is too slow and too noisy for a test). */
    private final AtomicLong cpu = new AtomicLong();

    private final HashingTurns.Meter meter = new HashingTurns.Meter() {
        @Override
        public long cpuNanos() {
            return cpu.get();
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }
    };

    private final List<HashingTurns> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(HashingTurns::close);
    }

    private HashingTurns turns(int concurrency, Duration wait, int waiters, double share, int processors) {
        HashingTurns t = new HashingTurns(
                concurrency, wait, waiters, share, processors, Executors.defaultThreadFactory(), meter, Refused::new);
        opened.add(t);
        return t;
    }

    @Test
    void theHashingThreadsTogetherKeepToTheirShareOfTheProcessors() {
        assertEquals(
                0.5, HashingTurns.dutyOf(0.25, 2, 1), 1e-9, "a quarter of two processors: one thread half the time");
        assertEquals(1.0, HashingTurns.dutyOf(0.5, 2, 1), 1e-9, "half of two: one thread all the time");
        assertEquals(0.25, HashingTurns.dutyOf(0.25, 8, 8), 1e-9);
        assertEquals(1.0, HashingTurns.dutyOf(1, 2, 1), 1e-9, "never more than all of its time");

        long second = TimeUnit.SECONDS.toNanos(1);
        assertEquals(
                second, HashingTurns.pauseNanos(second, second, 0.5), "a core-second of work, then a second's pause");
        assertEquals(3 * second, HashingTurns.pauseNanos(second, second, 0.25));
        assertEquals(
                second / 2, HashingTurns.pauseNanos(second, 3 * second / 2, 0.5), "waits for the CPU count as pause");
        assertEquals(0, HashingTurns.pauseNanos(second, 8 * second, 0.5), "a busy machine gave it less anyway");
        assertEquals(0, HashingTurns.pauseNanos(second, second, 1.0), "no budget beyond the bound");
    }

    @Test
    void afterAHashTheTurnStaysClosedUntilTheBudgetAllowsTheNext() throws Exception {
        // One thread may hash a quarter of its time; each piece of work says it took 100 ms of processor time.
        HashingTurns t = turns(1, Duration.ofSeconds(10), 10, 0.125, 2);
        List<Long> started = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Integer>> done = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            done.add(t.submit(() -> {
                started.add(System.nanoTime());
                cpu.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
                return n;
            }));
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(i, done.get(i).get(10, TimeUnit.SECONDS));
        }
        for (int i = 1; i < 3; i++) {
            long gap = TimeUnit.NANOSECONDS.toMillis(started.get(i) - started.get(i - 1));
            assertTrue(gap >= 390, "400 ms between turns (100 ms of work at a duty of a quarter), not " + gap);
        }
    }

    @Test
    void waitingWorkTakesItsTurnFirstComeFirstServedInTheHashingThread() throws Exception {
        HashingTurns t = turns(1, Duration.ofSeconds(30), 100, 1, 2);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        long before = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            int n = i;
            results.add(t.submit(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                order.add(n);
                return n;
            }));
        }
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before) < 2_000, "handing over does not wait");
        assertTrue(order.isEmpty());
        assertTrue(results.stream().noneMatch(CompletableFuture::isDone), "all wait: one in its turn, 49 queued");
        release.countDown();
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add(i);
        }
        assertEquals(expected, order);
    }

    @Test
    void workThatGetsNoTurnWithinTheWaitIsRefusedAtItsDeadlineAndNeverRuns() throws Exception {
        HashingTurns t = turns(1, Duration.ofMillis(300), 10, 1, 2);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> holder = t.submit(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "first";
        });
        AtomicLong ran = new AtomicLong();
        long before = System.nanoTime();
        CompletableFuture<String> late = t.submit(() -> {
            ran.incrementAndGet();
            return "late";
        });
        ExecutionException refused = assertThrows(ExecutionException.class, () -> late.get(5, TimeUnit.SECONDS));
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
        assertInstanceOf(Refused.class, refused.getCause());
        assertTrue(waited >= 250 && waited < 3_000, "refused at its deadline, after " + waited + " ms");
        release.countDown();
        assertEquals("first", holder.get(5, TimeUnit.SECONDS));
        assertEquals("next", t.submit(() -> "next").get(5, TimeUnit.SECONDS), "the turn goes on to the next");
        assertEquals(0, ran.get(), "refused work is never run");
    }

    @Test
    void beyondTheWaitersWorkIsRefusedAtOnce() throws Exception {
        HashingTurns t = turns(1, Duration.ofSeconds(30), 2, 1, 2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Integer> first = t.submit(() -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        });
        // The first is in its turn (it no longer waits): two may wait behind it, one of them in its own thread.
        assertTrue(running.await(5, TimeUnit.SECONDS));
        CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> t.run(() -> 1));
        CompletableFuture<Integer> second = t.submit(() -> 2);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!t.isFull() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertTrue(t.isFull());
        assertThrows(Refused.class, () -> t.run(() -> 3), "refused at once beyond the waiters");
        assertTrue(t.submit(() -> 4).isCompletedExceptionally());
        assertFalse(blocked.isDone(), "still waiting for its turn");
        release.countDown();
        assertEquals(0, first.get(5, TimeUnit.SECONDS));
        assertEquals(1, blocked.get(5, TimeUnit.SECONDS));
        assertEquals(2, second.get(5, TimeUnit.SECONDS));
        assertFalse(t.isFull());
    }

    @Test
    void closingRefusesWhatWaits() throws Exception {
        HashingTurns t = turns(1, Duration.ofSeconds(30), 10, 1, 2);
        CountDownLatch release = new CountDownLatch(1);
        t.submit(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        });
        CompletableFuture<Integer> waiting = t.submit(() -> 1);
        t.close();
        release.countDown();
        ExecutionException refused = assertThrows(ExecutionException.class, () -> waiting.get(5, TimeUnit.SECONDS));
        assertInstanceOf(Refused.class, refused.getCause());
        assertTrue(t.submit(() -> 2).isCompletedExceptionally(), "nothing is taken after closing");
    }
}
