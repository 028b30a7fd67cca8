/** The rows of the mail outbox ({@code mail_outbox}): what is queued, claimed, sent or given up. */
package io.groupdeal.domain.mail;
