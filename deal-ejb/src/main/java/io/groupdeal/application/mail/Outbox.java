package io.groupdeal.application.mail;

import io.groupdeal.application.PageOf;
import io.groupdeal.application.PageRequest;
import io.groupdeal.domain.mail.ListedMail;
import io.groupdeal.domain.mail.Mail;
import io.groupdeal.domain.mail.MailStatus;
import io.groupdeal.domain.mail.OutboxRepository;
import io.groupdeal.domain.shared.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The mail outbox. {@link #write} and {@link #queue} join the caller's transaction, so a mail exists exactly when the
 * change that causes it was committed, and a mail server outage never holds up or undoes that change.
 * {@link MailDelivery} sends what is due, outside any transaction. A mail {@link #queue queued} by its cause has no
 * body yet: the delivery renders it ({@link OrderConfirmations}), so the purchase does not pay for the mail's text.
 * The rows are {@link OutboxRepository}'s; this class says when and what.
 */
@ApplicationScoped
public class Outbox {

    /** How long a claimed mail is left to its sender before another attempt may take it (a crashed sender). */
    public static final long LEASE_SECONDS = 120;

    @Inject
    private OutboxRepository mails;

    @Inject
    private Clock clock;

    /** Queues the mail unless a mail of the same cause was written before. */
    public void write(Mail mail) {
        mails.add(Ids.newId(), mail, null, clock.instant());
    }

    /**
     * Queues a mail by its cause alone, unless one of the same cause was written before: recipient and subject now (the
     * operator's list shows them), the bodies when it is delivered, from {@code render} (what to write).
     */
    public void queue(String tenantId, String causeKey, String recipient, String subject, String render) {
        mails.add(
                Ids.newId(),
                new Mail(tenantId, causeKey, recipient, subject, null, null, List.of()),
                render,
                clock.instant());
    }

    /** A claimed mail: whole, or (render not null) its cause, recipient and subject, with bodies still to write. */
    record Queued(String id, Mail mail, int attempts, String render) {}

    /** Mails due now, oldest first. */
    List<String> due(int limit) {
        return mails.due(clock.instant(), limit);
    }

    /** Takes a due mail for one attempt (in its own statement); empty when another sender took it first. */
    Optional<Queued> claim(String id) {
        Instant now = clock.instant();
        return mails.claim(id, now, now.plusSeconds(LEASE_SECONDS))
                .map(c -> new Queued(id, c.mail(), c.attempts(), c.render()));
    }

    /** Sent, with the subject it was sent with (a confirmation's is written in the buyer's language when it is sent). */
    void sent(String id, String subject) {
        mails.sent(id, subject, clock.instant());
    }

    /** A failed attempt: tried again after {@code retryIn}, or given up after the last attempt. */
    void failed(String id, String error, Duration retryIn, boolean giveUp) {
        String reason = error == null ? "unknown" : error.length() > 500 ? error.substring(0, 500) : error;
        mails.failed(id, reason, clock.instant().plus(retryIn), giveUp);
    }

    /** The operator's list, newest first: every mail, or those of one status. */
    public PageOf<ListedMail> list(MailStatus status, PageRequest request) {
        long total = mails.count(status);
        return new PageOf<>(mails.list(status, request.page(), request.size()), request.page(), request.size(), total);
    }

    public Optional<ListedMail> find(String id) {
        return mails.find(id);
    }

    /** A FAILED mail back to PENDING, due now, with its attempts counted from 0 again; false when it was not FAILED. */
    public boolean retry(String id) {
        return mails.retry(id, clock.instant());
    }

    /** Up to {@code limit} FAILED mails back to PENDING, as {@link #retry} does; answers how many. */
    public int retryFailed(int limit) {
        return mails.retryFailed(clock.instant(), limit);
    }

    /** Deletes up to {@code limit} mails SENT before {@code cutoff}, oldest first; answers how many. */
    public int deleteSentBefore(Instant cutoff, int limit) {
        return mails.deleteSentBefore(cutoff, limit);
    }
}
