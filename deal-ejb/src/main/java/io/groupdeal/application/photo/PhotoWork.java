package io.groupdeal.application.photo;

import io.groupdeal.application.problem.Busy;
import io.groupdeal.application.problem.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds the photos decoded at once on this instance: a decoded picture takes tens of megabytes, so twelve parallel
 * uploads must not all hold one. At most half the processors (at least one) work at once; an upload that gets no
 * turn within {@link #WAIT_SECONDS} is answered 503 {@code busy} with {@code Retry-After}.
 */
@ApplicationScoped
public class PhotoWork {

    static final int WAIT_SECONDS = 20;

    private final Semaphore turns =
            new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), true);

    public <T> T run(Supplier<T> work) {
        try {
            if (!turns.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new Busy(Reason.of("busy.photos"), 5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy(Reason.of("busy.photos"), 5);
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }
}
