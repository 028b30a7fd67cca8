package io.groupdeal.domain.mail;

/** Where a mail of the outbox is: waiting for a (next) attempt, sent, or given up after the last attempt. */
public enum MailStatus {
    PENDING,
    SENT,
    FAILED
}
