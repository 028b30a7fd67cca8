package io.groupdeal.application.security;

import io.groupdeal.application.problem.Busy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds the password hashing running at once (each hash is about a core-second on purpose), so that a flood of
 * logins or sign-ups leaves the rest of the product its share of the CPU. Permits are handed out first come, first
 * served; a request that gets none within {@code deal.hashing.wait} is answered 503 {@code busy} with
 * {@code Retry-After} instead of waiting on for as long as the flood lasts. A waiting request holds an HTTP worker
 * thread, so at most {@code deal.hashing.queue} may wait: the others are answered 503 at once, and a flood cannot
 * take the workers that the rest of the product needs. The bound is per server instance, as the CPU it protects is.
 *
 * <p>{@link #isFull()} lets the web tier refuse a login or sign-up before it reads the request at all (a flood's
 * refusals would otherwise cost more CPU than the hashing it is kept from); the answer is {@link #busy()} either way.
 */
@ApplicationScoped
public class HashingGate {

    private static final Logger LOG = Logger.getLogger(HashingGate.class.getName());

    /** Hashes at once; 0: half the processors the JVM sees, at least one. */
    @Inject
    @ConfigProperty(name = "deal.hashing.concurrency", defaultValue = "0")
    private int concurrency;

    @Inject
    @ConfigProperty(name = "deal.hashing.wait", defaultValue = "PT5S")
    private Duration wait;

    /** Requests that may wait for a permit at once. */
    @Inject
    @ConfigProperty(name = "deal.hashing.queue", defaultValue = "16")
    private int queue;

    private Semaphore permits;
    private final AtomicInteger waiting = new AtomicInteger();

    @PostConstruct
    void configure() {
        int size = concurrency > 0 ? concurrency : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        permits = new Semaphore(size, true);
        LOG.info(() -> "Password hashing: at most " + size + " at once, at most " + queue + " waiting, each at most "
                + wait.toMillis() + " ms");
    }

    /** Runs {@code work} (which hashes) holding a permit; 503 {@code busy} when none comes free in time. */
    public <T> T run(Supplier<T> work) {
        boolean acquired = false;
        if (waiting.incrementAndGet() <= queue) {
            try {
                acquired = permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting.decrementAndGet();
            }
        } else {
            waiting.decrementAndGet();
        }
        if (!acquired) {
            throw busy();
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    /**
     * No permit is free and as many requests wait as may: a request that came now would be refused as {@link #busy()}
     * at once. A hint read without a lock (a permit may come free a moment later); {@link #run} decides.
     */
    public boolean isFull() {
        return permits.availablePermits() == 0 && waiting.get() >= queue;
    }

    /** The refusal of a login or sign-up that got no turn (503 {@code busy}). */
    public Busy busy() {
        return new Busy("Too many logins and sign-ups at this moment; nothing was done. Please try again shortly.",
                Math.max(1, wait.toSeconds() + 1));
    }
}
