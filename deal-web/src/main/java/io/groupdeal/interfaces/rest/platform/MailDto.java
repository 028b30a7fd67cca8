package io.groupdeal.interfaces.rest.platform;

import io.groupdeal.domain.mail.ListedMail;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.interfaces.problem.ProblemWords;
import java.io.Serializable;
import java.time.Instant;

/**
 * A mail of the outbox for the operator: recipient, subject, status, attempts so far, the last failure's reason in
 * plain words of the reader's language, when it was written, sent, or is tried next. Never the body (it holds coupon
 * codes).
 */
public record MailDto(
        String id,
        String recipient,
        String subject,
        String status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant sentAt,
        Instant nextAttemptAt)
        implements Serializable {

    public static MailDto of(ListedMail mail, Language language) {
        return new MailDto(
                mail.id(),
                mail.recipient(),
                mail.subject(),
                mail.status().name(),
                mail.attempts(),
                ProblemWords.mailFailure(mail.lastError(), language),
                mail.createdAt(),
                mail.sentAt(),
                mail.nextAttempt());
    }
}
