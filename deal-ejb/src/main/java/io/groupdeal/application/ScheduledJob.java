package io.groupdeal.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * A job that works on its own every few seconds (delivering mail, settling deals, closing teams...), outside
 * transactions: each of its steps commits on its own (see {@link JobRun} for why one transaction around a run would
 * hold every row it touched across the mail server's and the gateway's answers). Payara gives a {@code @Schedule}
 * method a transaction whatever its {@code @TransactionAttribute} says, so a job's timer is made here when the bean
 * starts, and its runs come through this class's {@code @Timeout} method, which keeps {@code NOT_SUPPORTED}; each run
 * goes through {@link JobRun}, so runs never overlap on an instance, a failed run never reaches the timer (which would
 * drop its schedule after two failures in a row), and a run inside a transaction is refused.
 *
 * <p>A job is a subclass that is {@code @Singleton @Startup @DependsOn("DatabaseMigration")} (its timer starts with the
 * bean, once the schema is up to date) and {@code @TransactionAttribute(NOT_SUPPORTED)} itself: a class-level
 * attribute applies to the methods its class declares, this class's for the timer, the job's for its own methods
 * ({@code JobsTest} holds every job to it).
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public abstract class ScheduledJob {

    private final JobRun runs;
    private final int everySeconds;

    @Resource
    private TimerService timers;

    /** A job named {@code name} in its log lines, run every {@code everySeconds} seconds on each instance. */
    protected ScheduledJob(String name, int everySeconds) {
        this.runs = new JobRun(getClass(), name);
        this.everySeconds = everySeconds;
    }

    /** One run's work; what it throws ends this run only. */
    protected abstract void work();

    // Private, so that a job's own @PostConstruct or @Timeout can never override (and so silence) these.
    @PostConstruct
    private void startTimer() {
        runs.every(timers, everySeconds);
    }

    @Timeout
    private void onTimer() {
        runs.run(this::work);
    }
}
