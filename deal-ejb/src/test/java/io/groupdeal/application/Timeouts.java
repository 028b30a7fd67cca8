package io.groupdeal.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Timeout;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * A scheduled job in a unit test, called as the container calls it: its timer made as the bean starts
 * ({@link #start}), and a run as its timer fires ({@link #fire}), through {@link ScheduledJob}'s own callbacks, so that
 * a test sees what {@link JobRun} does around the work (a failed run kept inside, a run in a transaction refused).
 */
public final class Timeouts {

    private Timeouts() {}

    /** What the container does as the bean starts: {@link ScheduledJob}'s {@code @PostConstruct}. */
    public static void start(ScheduledJob job) {
        call(job, PostConstruct.class);
    }

    /** One run, as the job's timer fires it: {@link ScheduledJob}'s {@code @Timeout}. */
    public static void fire(ScheduledJob job) {
        call(job, Timeout.class);
    }

    private static void call(ScheduledJob job, Class<? extends Annotation> callback) {
        Method method = Arrays.stream(ScheduledJob.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(callback))
                .findFirst()
                .orElseThrow(() -> new AssertionError("ScheduledJob has no @" + callback.getSimpleName()));
        try {
            method.setAccessible(true);
            method.invoke(job);
        } catch (InvocationTargetException e) {
            throw new AssertionError("@" + callback.getSimpleName() + " let its failure reach the container", e);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
