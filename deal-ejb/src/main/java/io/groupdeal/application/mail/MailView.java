package io.groupdeal.application.mail;

import java.time.Instant;

/**
 * A mail of the outbox as the operator sees it: who, what about, how it went. Never the body: it holds coupon codes.
 * {@code lastError} is the reason of the last failed attempt in the operator's words ({@link MailFailure}).
 */
public record MailView(String id, String recipient, String subject, MailStatus status, int attempts, String lastError,
                       Instant createdAt, Instant sentAt, Instant nextAttemptAt) {
}
