package io.groupdeal.application.mail;

import io.groupdeal.application.ScheduledJob;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sent mails hold coupon codes and are needed only for a while: to answer a buyer who says a mail never came (sent
 * when, to which address). Every {@value #EVERY_SECONDS} seconds this deletes the mails SENT longer than
 * deal.mail.retention ago (DEAL_MAIL_RETENTION, ISO-8601, default P30D) in batches of {@value #BATCH}, each a
 * conditional delete committed at once, so any number of instances may run it and a pending or failed mail is never
 * touched. Deleting a sent mail sends nothing again: every mail is written by a change that happens once.
 */
@Singleton
@Startup
// Its timer starts with the bean: only once the schema is up to date.
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailRetention extends ScheduledJob {

    static final int EVERY_SECONDS = 20;
    static final int BATCH = 500;
    /** At most this many batches per run, so that a first run after a long time leaves the database time to breathe. */
    private static final int MAX_BATCHES = 20;

    private static final Logger LOG = Logger.getLogger(MailRetention.class.getName());

    @Inject
    @ConfigProperty(name = "deal.mail.retention", defaultValue = "P30D")
    private String retention;

    @Inject
    private Outbox outbox;

    @Inject
    private Clock clock;

    private Duration keep;

    public MailRetention() {
        super("Deleting old sent mails", EVERY_SECONDS);
    }

    // After ScheduledJob's timer is made; the container delivers no run before every @PostConstruct has returned.
    @PostConstruct
    void configure() {
        keep = parse(retention);
    }

    @Override
    protected void work() {
        Instant cutoff = clock.instant().minus(keep);
        int deleted = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int batch = outbox.deleteSentBefore(cutoff, BATCH);
            deleted += batch;
            if (batch < BATCH) {
                break;
            }
        }
        if (deleted > 0) {
            int count = deleted;
            LOG.info(() -> count + " sent mails older than " + keep + " deleted (DEAL_MAIL_RETENTION)");
        }
    }

    /** The retention period; a setting that is not an ISO-8601 duration of at least a minute keeps the default. */
    static Duration parse(String retention) {
        try {
            Duration parsed = Duration.parse(retention.strip());
            if (parsed.compareTo(Duration.ofMinutes(1)) >= 0) {
                return parsed;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        LOG.warning(() -> "DEAL_MAIL_RETENTION=" + retention
                + " is not an ISO-8601 duration of a minute or more, such as" + " P30D; sent mails are kept 30 days");
        return Duration.ofDays(30);
    }
}
