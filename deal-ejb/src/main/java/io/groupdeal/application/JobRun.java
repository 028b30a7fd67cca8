package io.groupdeal.application;

import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * One scheduled job's runs, never two at once on an instance: a run that finds the previous one still going is
 * skipped. A run that fails is logged and the next one goes on: an EJB timer whose method throws twice in a row loses
 * its schedule for good, and the database or the gateway may be away for a moment.
 *
 * <p>A job works outside transactions: each of its steps commits on its own (a mail is marked sent as soon as it went
 * out, a claimed order is released before its gateway call). One transaction around the whole run would hold every
 * row it touched until the run ends, across every network call, and lose every step at once when the database goes
 * away (the mails of the batch are then sent again). Payara gives a {@code @Schedule} method of a session bean a
 * transaction whatever its {@code @TransactionAttribute} says (its descriptors leave schedule methods out of the
 * transactional methods), so a job's timer is made here ({@link #every}) and calls the {@code @Timeout} method of
 * {@link ScheduledJob}, which keeps the bean's {@code NOT_SUPPORTED}. A run inside a transaction is refused and
 * logged, so that a job that lost this stops at once and says so rather than work on in one transaction.
 */
final class JobRun {

    private static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";

    private final AtomicBoolean running = new AtomicBoolean();
    private final Logger log;
    private final String name;
    private final BooleanSupplier inTransaction;

    JobRun(Class<?> job, String name) {
        this(job, name, JobRun::inTransaction);
    }

    JobRun(Class<?> job, String name, BooleanSupplier inTransaction) {
        this.log = Logger.getLogger(job.getName());
        this.name = name;
        this.inTransaction = inTransaction;
    }

    void run(Runnable work) {
        if (inTransaction.getAsBoolean()) {
            log.severe(() -> name + " refused to run inside a transaction: it must run from the @Timeout method of"
                    + " ScheduledJob in a NOT_SUPPORTED bean, never from @Schedule");
            return;
        }
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            log.log(Level.WARNING, name + " stopped for this run; the next run goes on", e);
        } finally {
            running.set(false);
        }
    }

    /**
     * Starts the job: a run every {@code seconds} seconds on this instance, by a timer that ends with the application
     * (each instance of a cluster has its own; the work itself is claimed through the database).
     */
    void every(TimerService timers, int seconds) {
        timers.createCalendarTimer(
                new ScheduleExpression().hour("*").minute("*").second("*/" + seconds), new TimerConfig(name, false));
    }

    /** Whether the calling thread is in a transaction; false outside a container (no registry to ask). */
    private static boolean inTransaction() {
        try {
            TransactionSynchronizationRegistry registry = InitialContext.doLookup(REGISTRY);
            return registry.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (NamingException e) {
            return false;
        }
    }
}
