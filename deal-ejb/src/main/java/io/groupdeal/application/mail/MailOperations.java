package io.groupdeal.application.mail;

import io.groupdeal.application.PageOf;
import io.groupdeal.application.PageRequest;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.domain.mail.ListedMail;
import io.groupdeal.domain.mail.MailStatus;
import io.groupdeal.domain.shared.Ids;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The operator's view of the outbox: which mails failed for good (after DEAL_MAIL_MAX_ATTEMPTS attempts) and which
 * wait, and sending failed ones again, one or all. A mail sent again is PENDING with its attempts counted from 0, so
 * it gets the whole backoff again; the senders' conditional claim still sends it once. Bodies never leave the outbox.
 */
@Stateless
@RolesAllowed("PLATFORM_ADMIN")
public class MailOperations {

    /** Mails sent again per statement by {@link #retryFailed()}: each batch its own short transaction. */
    private static final int BATCH = 500;

    private static final Logger LOG = Logger.getLogger(MailOperations.class.getName());

    @Inject
    private Outbox outbox;

    public PageOf<ListedMail> mails(MailStatus status, PageRequest page) {
        return outbox.list(status, page);
    }

    /** Sends a FAILED mail again; 404 for no such mail, 409 for one that is not FAILED (pending or sent). */
    public ListedMail retry(String id) {
        if (!Ids.isWellFormed(id)) {
            throw new NotFound("mail");
        }
        if (!outbox.retry(id)) {
            ListedMail mail = outbox.find(id).orElseThrow(() -> new NotFound("mail"));
            throw new Clash("mail-not-failed", Reason.of("mail-not-failed", mail.status()));
        }
        LOG.info(() -> "Mail " + id + " is sent again, asked by the operator");
        return outbox.find(id).orElseThrow(() -> new NotFound("mail"));
    }

    /** Sends every FAILED mail again; answers how many. Outside a transaction: each batch commits at once. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int retryFailed() {
        int total = 0;
        int batch;
        do {
            batch = outbox.retryFailed(BATCH);
            total += batch;
        } while (batch == BATCH);
        int retried = total;
        LOG.info(() -> retried + " failed mails are sent again, asked by the operator");
        return retried;
    }
}
