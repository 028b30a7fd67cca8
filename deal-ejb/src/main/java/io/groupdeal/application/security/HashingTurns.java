package io.groupdeal.application.security;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The turns of password hashing, without the container: {@code concurrency} hashing threads of their own take the
 * waiting work first come, first served, and keep the hashing within a CPU budget. It keeps these rules:
 * <ul>
 * <li><b>Waiting is bounded.</b> At most {@code waiters} callers wait for a turn at once ({@link #run}: each in its
 * own thread, an HTTP worker's), each at most {@code wait}; the others, and those whose wait ran out, are refused with
 * the problem {@code busy} gives (503 {@code busy}), and refused work never runs.</li>
 * <li><b>Hashing stays within its share of the machine.</b> After work that took {@code cpu} of processor time in
 * {@code wall} time, its hashing thread pauses for {@link #pauseNanos}, so that the hashing threads together use at
 * most {@code share} of the processors on average: while a flood keeps every turn taken, the rest of the product
 * keeps the other processors, not only those the bound on concurrency leaves.</li>
 * </ul>
 */
final class HashingTurns {

    /** Processor time used by the calling thread, and the time of the clock; a test brings its own. */
    interface Meter {
        long cpuNanos();

        long nanoTime();

        Meter THREADS = new Meter() {
            private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

            @Override
            public long cpuNanos() {
                return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
            }

            @Override
            public long nanoTime() {
                return System.nanoTime();
            }
        };
    }

    private final Duration wait;
    private final int waiters;
    private final double duty;
    private final Meter meter;
    private final Supplier<? extends RuntimeException> busy;

    private final BlockingQueue<Waiting<?>> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final ScheduledExecutorService deadlines;
    private final List<Thread> hashing = new ArrayList<>();
    private volatile boolean open = true;

    /**
     * @param share the part of all processors the hashing may use on average (0.25: a quarter of the machine); 1 or
     *              more: no pause, the bound is {@code concurrency} alone
     */
    HashingTurns(
            int concurrency,
            Duration wait,
            int waiters,
            double share,
            int processors,
            ThreadFactory threads,
            Meter meter,
            Supplier<? extends RuntimeException> busy) {
        this.wait = wait;
        this.waiters = waiters;
        this.duty = dutyOf(share, processors, concurrency);
        this.meter = meter;
        this.busy = busy;
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, threads);
        timer.setRemoveOnCancelPolicy(true);
        this.deadlines = timer;
        for (int i = 0; i < concurrency; i++) {
            Thread t = threads.newThread(this::hashInTurn);
            t.setName("password-hashing-" + i);
            t.setDaemon(true);
            hashing.add(t);
            t.start();
        }
    }

    /** The part of its time each of {@code concurrency} hashing threads may hash so that together they use {@code share}. */
    static double dutyOf(double share, int processors, int concurrency) {
        return Math.min(1.0, share * processors / concurrency);
    }

    /**
     * How long a hashing thread pauses after work that took {@code cpuNanos} of processor time in {@code wallNanos}:
     * long enough that processor time over the whole cycle is {@code duty}. A thread that got less than its share
     * anyway (a busy machine stretches the wall time) does not pause.
     */
    static long pauseNanos(long cpuNanos, long wallNanos, double duty) {
        if (duty >= 1.0 || cpuNanos <= 0) {
            return 0;
        }
        return Math.max(0, (long) (cpuNanos / duty) - wallNanos);
    }

    /**
     * Hands {@code work} over to wait for its turn: the future completes in the hashing thread, or fails with the busy
     * refusal when no turn comes within the wait or as many wait as may.
     */
    <T> CompletableFuture<T> submit(Supplier<T> work) {
        if (!open || !reserve()) {
            return CompletableFuture.failedFuture(busy.get());
        }
        Waiting<T> w = new Waiting<>(work);
        w.deadline = deadlines.schedule(() -> expire(w), wait.toNanos(), TimeUnit.NANOSECONDS);
        queue.add(w);
        return w.result;
    }

    /** Runs {@code work} in its turn, waiting in the calling thread; the busy refusal when it gets none. */
    <T> T run(Supplier<T> work) {
        try {
            return submit(work).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** As many wait as may: work handed over now would be refused at once. A hint without a lock. */
    boolean isFull() {
        return waiting.get() >= waiters;
    }

    /** Stops the hashing threads; what still waits is refused. */
    void close() {
        open = false;
        hashing.forEach(Thread::interrupt);
        deadlines.shutdownNow();
        for (Waiting<?> w; (w = queue.poll()) != null; ) {
            if (w.claim()) {
                w.result.completeExceptionally(busy.get());
            }
        }
    }

    private boolean reserve() {
        for (int n = waiting.get(); n < waiters; n = waiting.get()) {
            if (waiting.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    private void expire(Waiting<?> w) {
        if (w.claim()) {
            queue.remove(w);
            w.result.completeExceptionally(busy.get());
        }
    }

    private void hashInTurn() {
        while (open) {
            Waiting<?> w;
            try {
                w = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (!w.claim()) {
                continue; // its wait ran out meanwhile: already refused
            }
            w.deadline.cancel(false);
            long cpu = meter.cpuNanos();
            long start = meter.nanoTime();
            w.hash();
            long pause = pauseNanos(
                    cpu < 0 ? meter.nanoTime() - start : meter.cpuNanos() - cpu, meter.nanoTime() - start, duty);
            if (pause > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(pause);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Work waiting for its turn; taken once, by a hashing thread or by its deadline. */
    private final class Waiting<T> {
        final Supplier<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();
        final AtomicBoolean taken = new AtomicBoolean();
        volatile ScheduledFuture<?> deadline;

        Waiting(Supplier<T> work) {
            this.work = work;
        }

        boolean claim() {
            if (taken.compareAndSet(false, true)) {
                waiting.decrementAndGet();
                return true;
            }
            return false;
        }

        void hash() {
            T value;
            try {
                value = work.get();
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
                return;
            }
            result.complete(value);
        }
    }
}
