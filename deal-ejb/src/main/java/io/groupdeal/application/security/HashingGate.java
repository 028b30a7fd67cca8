package io.groupdeal.application.security;

import io.groupdeal.application.problem.Busy;
import io.groupdeal.application.problem.Reason;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds the password hashing of logins and sign-ups (each hash is about a core-second on purpose), so that a flood
 * of them leaves the rest of the product its share of the CPU ({@link HashingTurns} keeps the rules): at most
 * {@code deal.hashing.concurrency} hashes at once, in hashing threads of their own, together within
 * {@code deal.hashing.share} of the processors; first come, first served. A request that gets no turn within
 * {@code deal.hashing.wait} is answered 503 {@code busy} with {@code Retry-After} instead of waiting on for as long as
 * the flood lasts. A waiting request holds an HTTP worker thread, so at most {@code deal.hashing.queue} may wait: the
 * others are answered 503 at once, and a flood cannot take the workers that the rest of the product needs. The bound
 * is per server instance, as the CPU it protects is.
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

    /** Requests that may wait for a turn at once. */
    @Inject
    @ConfigProperty(name = "deal.hashing.queue", defaultValue = "16")
    private int queue;

    /** The part of all processors that hashing may use on average. */
    @Inject
    @ConfigProperty(name = "deal.hashing.share", defaultValue = "0.25")
    private double share;

    /** Refusals {@code busy} the web tier may hold at once before it answers them (0: answered at once). */
    @Inject
    @ConfigProperty(name = "deal.hashing.held", defaultValue = "1000")
    private int held;

    @Resource
    private ManagedThreadFactory threads;

    private HashingTurns turns;

    @PostConstruct
    void configure() {
        int processors = Runtime.getRuntime().availableProcessors();
        int size = concurrency > 0 ? concurrency : Math.max(1, processors / 2);
        if (!(share > 0)) {
            throw new IllegalArgumentException("deal.hashing.share must be more than 0, not " + share);
        }
        turns = new HashingTurns(size, wait, queue, share, processors, threads, HashingTurns.Meter.THREADS, this::busy);
        LOG.info(() -> String.format(
                Locale.ROOT,
                "Password hashing: at most %d at once, within %.0f%% of"
                        + " %d processors; at most %d waiting, each at most %d ms",
                size,
                100 * Math.min(1.0, share),
                processors,
                queue,
                wait.toMillis()));
    }

    @PreDestroy
    void close() {
        turns.close();
    }

    /** Runs {@code work} (which hashes) in its turn, waiting in the calling thread; 503 {@code busy} when none comes. */
    public <T> T run(Supplier<T> work) {
        return turns.run(work);
    }

    /**
     * As many requests wait as may: a request that came now would be refused as {@link #busy()} at once. A hint read
     * without a lock; {@link #run} decides.
     */
    public boolean isFull() {
        return turns.isFull();
    }

    /** The refusal of a login or sign-up that got no turn (503 {@code busy}). */
    public Busy busy() {
        return new Busy(Reason.of("busy.hashing"), Math.max(1, wait.toSeconds() + 1));
    }

    /** The longest a request waits for its turn. */
    public Duration waitLimit() {
        return wait;
    }

    /** How many refusals {@code busy} may be held at once, each until its wait would have run out. */
    public int refusalsHeld() {
        return held;
    }
}
