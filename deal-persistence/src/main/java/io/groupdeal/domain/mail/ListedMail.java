package io.groupdeal.domain.mail;

import java.io.Serializable;
import java.time.Instant;

/**
 * A mail of the outbox as the operator's list shows it: who, what about, how it went. Never the body: it holds coupon
 * codes. {@code lastError} is the reason of the last failed attempt as a key, worded by the interfaces; rows written
 * before the keys hold the English sentence itself.
 */
public record ListedMail(
        String id,
        String recipient,
        String subject,
        MailStatus status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant sentAt,
        Instant nextAttemptAt)
        implements Serializable {

    /** When the next attempt is due; only a mail still waiting has one. */
    public Instant nextAttempt() {
        return status == MailStatus.PENDING ? nextAttemptAt : null;
    }
}
