package io.groupdeal.application.mail;

import io.groupdeal.application.ScheduledJob;
import io.groupdeal.domain.mail.Mail;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers the outbox every few seconds, outside any transaction, so that a slow or absent mail server holds no
 * database lock and undoes nothing. Each mail is claimed by a conditional update first, so two instances never send
 * it both; a failed attempt is retried with exponential backoff (deal.mail.retry-seconds, doubling, at most an hour)
 * and given up after deal.mail.max-attempts (DEAL_MAIL_MAX_ATTEMPTS, default {@value #MAX_ATTEMPTS}): the mail is then
 * FAILED and waits for the operator, who sees it and may send it again ({@link MailOperations}). Claim and mark are
 * each committed at once; a crash of this instance between sending and marking may send that one mail twice (the
 * Message-ID then shows it is the same mail), a database that is away for a moment does not ({@link #markSent}). A
 * mail queued by its
 * cause (an order's confirmation) is written here, at each attempt ({@link OrderConfirmations#render}); a failure to
 * write it counts as a failed attempt like one to send it.
 */
@Singleton
@Startup
// Its timer starts with the bean: only once the schema is up to date.
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailDelivery extends ScheduledJob {

    static final int MAX_ATTEMPTS = 20;
    static final int MARK_TRIES = 30;
    private static final int BATCH = 50;
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());

    @Inject
    private Outbox outbox;

    @Inject
    private MailSender sender;

    @Inject
    private OrderConfirmations confirmations;

    @Inject
    @ConfigProperty(name = "deal.mail.retry-seconds", defaultValue = "30")
    private long retrySeconds;

    @Inject
    @ConfigProperty(name = "deal.mail.max-attempts", defaultValue = "" + MAX_ATTEMPTS)
    private int maxAttempts;

    /** Between tries of marking a sent mail: 30 tries a second apart outlast a database node's failover. */
    Duration markPause = Duration.ofSeconds(1);

    public MailDelivery() {
        super("Mail delivery", 3);
    }

    @Override
    protected void work() {
        for (String id : outbox.due(BATCH)) {
            outbox.claim(id).ifPresent(this::attempt);
        }
    }

    private void attempt(Outbox.Queued queued) {
        Mail mail;
        try {
            mail = queued.render() == null ? queued.mail() : confirmations.render(queued);
            sender.send(queued.id(), mail);
        } catch (Exception e) {
            boolean giveUp = queued.attempts() >= Math.max(1, maxAttempts);
            Duration wait = backoff(queued.attempts());
            outbox.failed(queued.id(), MailFailure.reason(e), wait, giveUp);
            LOG.log(
                    giveUp ? Level.SEVERE : Level.WARNING,
                    () -> "Mail " + queued.id() + " (" + queued.mail().causeKey() + ") not sent, attempt "
                            + queued.attempts() + (giveUp ? "; given up" : "; next in " + wait) + ": " + e);
            return;
        }
        markSent(queued.id(), mail.subject());
    }

    /**
     * The mail went out: its mark must outlast a moment without the database (a node failing over takes seconds), or
     * the mail would go out again when its claim's lease ends. Tried again every {@link #markPause} for up to
     * {@value #MARK_TRIES} tries; never marked failed, since it was sent.
     */
    private void markSent(String id, String subject) {
        for (int tried = 1; ; tried++) {
            try {
                outbox.sent(id, subject);
                return;
            } catch (RuntimeException e) {
                if (tried >= MARK_TRIES) {
                    LOG.log(
                            Level.SEVERE,
                            "Mail " + id + " was sent but could not be marked sent; it goes out again when its claim"
                                    + " ends (its Message-ID shows it is the same mail)",
                            e);
                    return;
                }
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(markPause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** retry-seconds after the first failure, doubling after each further one, never more than an hour. */
    Duration backoff(int attempts) {
        long seconds = retrySeconds << Math.min(20, Math.max(0, attempts - 1));
        return seconds <= 0 || seconds > LONGEST_WAIT.toSeconds() ? LONGEST_WAIT : Duration.ofSeconds(seconds);
    }
}
