package io.groupdeal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JobRunTest {

    private final JobRun runs = new JobRun(JobRunTest.class, "Test job");

    @Test
    void aFailedRunIsLoggedAndTheNextOneGoesOn() {
        AtomicInteger done = new AtomicInteger();
        runs.run(() -> {
            throw new IllegalStateException("the database is away");
        });
        runs.run(done::incrementAndGet);
        assertEquals(1, done.get());
    }

    @Test
    void aRunThatFindsThePreviousOneGoingIsSkipped() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runsMade = new AtomicInteger();
        Thread first = new Thread(() -> runs.run(() -> {
            runsMade.incrementAndGet();
            started.countDown();
            await(release);
        }));
        first.start();
        started.await(10, TimeUnit.SECONDS);
        runs.run(runsMade::incrementAndGet);
        release.countDown();
        first.join(10_000);
        runs.run(runsMade::incrementAndGet);
        assertEquals(2, runsMade.get(), "the overlapping run was skipped, the later one made");
    }

    @Test
    void aRunInsideATransactionIsRefused() {
        AtomicInteger done = new AtomicInteger();
        JobRun inTransaction = new JobRun(JobRunTest.class, "Test job", () -> true);
        inTransaction.run(done::incrementAndGet);
        assertEquals(0, done.get(), "a run inside a transaction would commit all its steps at once, or none");
        runs.run(done::incrementAndGet);
        assertEquals(1, done.get(), "outside a container there is no transaction to refuse");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
