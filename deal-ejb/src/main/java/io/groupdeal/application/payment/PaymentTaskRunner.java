package io.groupdeal.application.payment;

import io.groupdeal.application.ScheduledJob;
import io.groupdeal.domain.order.PaymentTask;
import io.groupdeal.domain.order.PaymentTaskRepository;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries out payment tasks outside any transaction: at once after the commit that wrote them, and every 5 seconds
 * whatever is due (after a crash, a gateway outage). Each attempt claims its task first (a lease of {@value
 * #LEASE_SECONDS} s), so instances never run one twice at once; the gateway's own idempotency (capture once per
 * payment, refund once per reference) makes a retry after a lost answer harmless. A failed attempt waits longer each
 * time, up to 10 minutes, and is never given up: the money must move.
 */
@Singleton
@Startup
// Its timer starts with the bean: only once the schema is up to date.
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentTaskRunner extends ScheduledJob {

    static final long LEASE_SECONDS = 60;
    private static final int BATCH = 100;
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(PaymentTaskRunner.class.getName());

    @Inject
    private PaymentTaskRepository tasks;

    @EJB
    private PaymentTaskRecords records;

    @Inject
    @Configured
    private PaymentGateway gateway;

    @Inject
    private Clock clock;

    public PaymentTaskRunner() {
        super("Payment tasks", 5);
    }

    /** The tasks of one order, just committed; what fails waits for the scheduled run. */
    @Asynchronous
    public void runSoon(String orderId) {
        try {
            runDue(orderId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Payment tasks of order " + orderId + " wait for the next run", e);
        }
    }

    @Override
    protected void work() {
        runDue(null);
    }

    private void runDue(String orderId) {
        int done;
        do {
            done = 0;
            for (long id : tasks.due(orderId, clock.instant(), BATCH)) {
                Instant now = clock.instant();
                var claimed = records.claim(id, now, now.plusSeconds(LEASE_SECONDS));
                if (claimed.isPresent() && attempt(claimed.get())) {
                    done++;
                }
            }
        } while (orderId != null && done > 0);
    }

    private boolean attempt(PaymentTask task) {
        try {
            switch (task.kind()) {
                case CAPTURE -> gateway.capture(task.paymentRef());
                case CANCEL -> cancel(task);
                case REFUND -> gateway.refund(task.paymentRef(), task.amount(), task.reference());
            }
            records.done(task.id(), clock.instant());
            return true;
        } catch (RuntimeException e) {
            Duration wait = backoff(task.attempts());
            records.failed(task.id(), e.toString(), clock.instant().plus(wait));
            LOG.log(
                    task.attempts() >= 10 ? Level.SEVERE : Level.WARNING,
                    () -> "Payment task " + task.kind() + " of order " + task.orderId() + " failed, attempt "
                            + task.attempts() + "; next in " + wait + ": " + e);
            return false;
        }
    }

    /** Voids the order's payment; one captured meanwhile (it cannot be voided) is paid back in full instead. */
    private void cancel(PaymentTask task) {
        Payment payment = gateway.cancel(task.orderId());
        BigDecimal kept = payment.captured().subtract(payment.refunded());
        if (payment.state() == Payment.State.CAPTURED && kept.signum() > 0) {
            gateway.refund(payment.ref(), kept, "void:" + task.orderId());
        }
    }

    /** 5 seconds after the first failure, doubling, never more than 10 minutes. */
    static Duration backoff(int attempts) {
        long seconds = 5L << Math.min(10, Math.max(0, attempts - 1));
        return seconds > LONGEST_WAIT.toSeconds() ? LONGEST_WAIT : Duration.ofSeconds(seconds);
    }
}
