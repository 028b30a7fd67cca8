package io.groupdeal.application.mail;

import io.groupdeal.application.PageOf;
import io.groupdeal.application.PageRequest;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The mail outbox. {@link #write} and {@link #queue} join the caller's transaction, so a mail exists exactly when the
 * change that causes it was committed, and a mail server outage never holds up or undoes that change.
 * {@link MailDelivery} sends what is due, outside any transaction. A mail {@link #queue queued} by its cause has no
 * body yet: the delivery renders it ({@link OrderConfirmations}), so the purchase does not pay for the mail's text.
 */
@ApplicationScoped
public class Outbox {

    /** How long a claimed mail is left to its sender before another attempt may take it (a crashed sender). */
    static final long LEASE_SECONDS = 120;

    @Inject
    private NativeSql sql;

    @Inject
    private Clock clock;

    /** Queues the mail unless a mail of the same cause was written before. */
    public void write(Mail mail) {
        Instant now = clock.instant();
        sql.insertUnlessDuplicate("INSERT INTO mail_outbox (id, tenant_id, cause_key, recipient, subject, text_body, html_body,"
                + " qr_codes, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
                Arrays.asList(Ids.newId(), mail.tenantId(), mail.causeKey(), mail.recipient(), mail.subject(), mail.text(),
                        mail.html(), mail.qrCodes().isEmpty() ? null : String.join(" ", mail.qrCodes()), now, now));
    }

    /**
     * Queues a mail by its cause alone, unless one of the same cause was written before: recipient and subject now (the
     * operator's list shows them), the bodies when it is delivered, from {@code render} (what to write).
     */
    public void queue(String tenantId, String causeKey, String recipient, String subject, String render) {
        Instant now = clock.instant();
        sql.insertUnlessDuplicate("INSERT INTO mail_outbox (id, tenant_id, cause_key, recipient, subject, render, status,"
                + " attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
                Arrays.asList(Ids.newId(), tenantId, causeKey, recipient, subject, render, now, now));
    }

    /** A claimed mail: whole, or (render not null) its cause, recipient and subject, with bodies still to write. */
    record Queued(String id, Mail mail, int attempts, String render) {
    }

    /** Mails due now, oldest first. */
    List<String> due(int limit) {
        return sql.rows("SELECT id FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at"
                + " LIMIT ?", List.of(clock.instant(), limit)).stream().map(r -> (String) r[0]).toList();
    }

    /** Takes a due mail for one attempt (in its own statement); empty when another sender took it first. */
    Optional<Queued> claim(String id) {
        Instant now = clock.instant();
        int claimed = sql.update("UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?"
                + " AND status = 'PENDING' AND next_attempt_at <= ?", List.of(now.plusSeconds(LEASE_SECONDS), id, now));
        if (claimed == 0) {
            return Optional.empty();
        }
        Object[] r = sql.row("SELECT tenant_id, cause_key, recipient, subject, text_body, html_body, qr_codes, attempts,"
                + " render FROM mail_outbox WHERE id = ?", List.of(id));
        List<String> codes = r[6] == null ? List.of() : List.of(((String) r[6]).split(" "));
        return Optional.of(new Queued(id, new Mail((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], codes), NativeSql.integer(r[7]), (String) r[8]));
    }

    /** Sent, with the subject it was sent with (a confirmation's is written in the buyer's language when it is sent). */
    void sent(String id, String subject) {
        sql.update("UPDATE mail_outbox SET status = 'SENT', sent_at = ?, last_error = NULL, subject = ? WHERE id = ?",
                List.of(clock.instant(), subject, id));
    }

    /** A failed attempt: tried again after {@code retryIn}, or given up after the last attempt. */
    void failed(String id, String error, Duration retryIn, boolean giveUp) {
        String reason = error == null ? "unknown" : error.length() > 500 ? error.substring(0, 500) : error;
        sql.update("UPDATE mail_outbox SET status = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                List.of(giveUp ? "FAILED" : "PENDING", clock.instant().plus(retryIn), reason, id));
    }

    private static final String VIEW_COLUMNS = "id, recipient, subject, status, attempts, last_error, created_at, sent_at,"
            + " next_attempt_at";

    /** The operator's list, newest first: every mail, or those of one status. */
    public PageOf<MailView> list(MailStatus status, PageRequest request) {
        List<Object> parameters = new ArrayList<>();
        String where = "";
        if (status != null) {
            where = " WHERE status = ?";
            parameters.add(status.name());
        }
        long total = NativeSql.count(sql.row("SELECT COUNT(*) FROM mail_outbox" + where, parameters)[0]);
        List<Object> paged = new ArrayList<>(parameters);
        paged.add(request.size());
        paged.add((long) request.page() * request.size());
        List<MailView> items = sql.rows("SELECT " + VIEW_COLUMNS + " FROM mail_outbox" + where
                + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", paged).stream().map(Outbox::view).toList();
        return new PageOf<>(items, request.page(), request.size(), total);
    }

    public Optional<MailView> find(String id) {
        return sql.rows("SELECT " + VIEW_COLUMNS + " FROM mail_outbox WHERE id = ?", List.of(id)).stream()
                .map(Outbox::view).findFirst();
    }

    /** A FAILED mail back to PENDING, due now, with its attempts counted from 0 again; false when it was not FAILED. */
    public boolean retry(String id) {
        return sql.update("UPDATE mail_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = NULL"
                + " WHERE id = ? AND status = 'FAILED'", List.of(clock.instant(), id)) == 1;
    }

    /** Up to {@code limit} FAILED mails back to PENDING, as {@link #retry} does; answers how many. */
    public int retryFailed(int limit) {
        return sql.update("UPDATE mail_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = NULL"
                + " WHERE status = 'FAILED' LIMIT ?", List.of(clock.instant(), limit));
    }

    /** Deletes up to {@code limit} mails SENT before {@code cutoff}, oldest first; answers how many. */
    public int deleteSentBefore(Instant cutoff, int limit) {
        return sql.update("DELETE FROM mail_outbox WHERE status = 'SENT' AND sent_at < ? ORDER BY sent_at LIMIT ?",
                List.of(cutoff, limit));
    }

    private static MailView view(Object[] r) {
        return new MailView((String) r[0], (String) r[1], (String) r[2], MailStatus.valueOf((String) r[3]),
                NativeSql.integer(r[4]), (String) r[5], NativeSql.instant(r[6]), NativeSql.instant(r[7]), NativeSql.instant(r[8]));
    }
}
