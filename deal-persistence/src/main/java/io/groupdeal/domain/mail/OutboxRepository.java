package io.groupdeal.domain.mail;

import io.groupdeal.domain.shared.NativeSql;
import io.groupdeal.domain.shared.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code mail_outbox} rows, across tenants (the outbox is the platform's, a mail names its tenant). One mail per
 * cause: the unique {@code cause_key} refuses a second. A mail is claimed for one attempt by a conditional update
 * whose row count decides which sender has it; the lease it sets lets another attempt take it if that sender dies.
 */
@ApplicationScoped
public class OutboxRepository {

    private static final String LISTED_COLUMNS =
            "id, recipient, subject, status, attempts, last_error, created_at, sent_at," + " next_attempt_at";

    @Inject
    private NativeSql sql;

    /**
     * A claimed mail as it was queued, with what is still to write ({@code render}, null for a whole mail), and how many
     * attempts (this one included) it had.
     */
    public record Claimed(Mail mail, String render, int attempts) {}

    /**
     * Queues the mail as PENDING, due now, unless a mail of the same cause was written before: whole ({@code render}
     * null), or by its cause with the bodies still to write from {@code render}.
     */
    public void add(String id, Mail mail, String render, Instant now) {
        sql.insertUnlessDuplicate(
                "INSERT INTO mail_outbox (id, tenant_id, cause_key, recipient, subject, text_body, html_body,"
                        + " qr_codes, render, status, attempts, next_attempt_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
                Arrays.asList(
                        id,
                        mail.tenantId(),
                        mail.causeKey(),
                        mail.recipient(),
                        mail.subject(),
                        mail.text(),
                        mail.html(),
                        mail.qrCodes().isEmpty() ? null : String.join(" ", mail.qrCodes()),
                        render,
                        now,
                        now));
    }

    /** Mails due at {@code now}, oldest first. */
    public List<String> due(Instant now, int limit) {
        return sql.rows(
                "SELECT id FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at"
                        + " LIMIT ?",
                List.of(now, limit),
                r -> r.string("id"));
    }

    /** Takes a due mail for one attempt until {@code leaseUntil}; empty when another sender took it first. */
    public Optional<Claimed> claim(String id, Instant now, Instant leaseUntil) {
        int claimed = sql.update(
                "UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?"
                        + " AND status = 'PENDING' AND next_attempt_at <= ?",
                List.of(leaseUntil, id, now));
        if (claimed == 0) {
            return Optional.empty();
        }
        return sql.first(
                "SELECT tenant_id, cause_key, recipient, subject, text_body, html_body, qr_codes, attempts, render"
                        + " FROM mail_outbox WHERE id = ?",
                List.of(id),
                OutboxRepository::claimed);
    }

    public void sent(String id, String subject, Instant now) {
        sql.update(
                "UPDATE mail_outbox SET status = 'SENT', sent_at = ?, last_error = NULL, subject = ? WHERE id = ?",
                List.of(now, subject, id));
    }

    /** A failed attempt: PENDING again from {@code nextAttempt}, or FAILED for good when {@code giveUp}. */
    public void failed(String id, String reason, Instant nextAttempt, boolean giveUp) {
        sql.update(
                "UPDATE mail_outbox SET status = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                List.of(giveUp ? "FAILED" : "PENDING", nextAttempt, reason, id));
    }

    /** Every mail, or those of one status (null: every one); newest first. */
    public List<ListedMail> list(MailStatus status, int page, int size) {
        List<Object> parameters = new ArrayList<>();
        String where = where(status, parameters);
        parameters.add(size);
        parameters.add((long) page * size);
        return sql.rows(
                "SELECT " + LISTED_COLUMNS + " FROM mail_outbox" + where
                        + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                parameters,
                OutboxRepository::listed);
    }

    public long count(MailStatus status) {
        List<Object> parameters = new ArrayList<>();
        String where = where(status, parameters);
        return sql.one("SELECT COUNT(*) AS n FROM mail_outbox" + where, parameters, r -> r.count("n"));
    }

    public Optional<ListedMail> find(String id) {
        return sql.first(
                "SELECT " + LISTED_COLUMNS + " FROM mail_outbox WHERE id = ?", List.of(id), OutboxRepository::listed);
    }

    /** A FAILED mail back to PENDING, due at {@code now}, its attempts counted from 0 again; false when it was not FAILED. */
    public boolean retry(String id, Instant now) {
        return sql.changesOne(
                "UPDATE mail_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = NULL"
                        + " WHERE id = ? AND status = 'FAILED'",
                List.of(now, id));
    }

    /** Up to {@code limit} FAILED mails back to PENDING, as {@link #retry} does; answers how many. */
    public int retryFailed(Instant now, int limit) {
        return sql.update(
                "UPDATE mail_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = NULL"
                        + " WHERE status = 'FAILED' LIMIT ?",
                List.of(now, limit));
    }

    /** Deletes up to {@code limit} mails SENT before {@code cutoff}, oldest first; answers how many. */
    public int deleteSentBefore(Instant cutoff, int limit) {
        return sql.update(
                "DELETE FROM mail_outbox WHERE status = 'SENT' AND sent_at < ? ORDER BY sent_at LIMIT ?",
                List.of(cutoff, limit));
    }

    private static String where(MailStatus status, List<Object> parameters) {
        if (status == null) {
            return "";
        }
        parameters.add(status.name());
        return " WHERE status = ?";
    }

    private static Claimed claimed(Row r) {
        String codes = r.string("qr_codes");
        return new Claimed(
                new Mail(
                        r.string("tenant_id"),
                        r.string("cause_key"),
                        r.string("recipient"),
                        r.string("subject"),
                        r.string("text_body"),
                        r.string("html_body"),
                        codes == null ? List.of() : List.of(codes.split(" "))),
                r.string("render"),
                r.intValue("attempts"));
    }

    private static ListedMail listed(Row r) {
        return new ListedMail(
                r.string("id"),
                r.string("recipient"),
                r.string("subject"),
                MailStatus.valueOf(r.string("status")),
                r.intValue("attempts"),
                r.string("last_error"),
                r.instant("created_at"),
                r.instant("sent_at"),
                r.instant("next_attempt_at"));
    }
}
