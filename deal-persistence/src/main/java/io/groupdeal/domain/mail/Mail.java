package io.groupdeal.domain.mail;

import java.util.List;

/**
 * A mail to one person, as it will be sent: HTML with a plain-text alternative, and the coupon codes to draw as
 * inline QR images (the HTML refers to them as {@code cid:qr-<code>}). {@code causeKey} names what caused it, such as
 * {@code order-confirmed:<order id>}: the outbox keeps one mail per cause. A mail queued by its cause alone has no
 * bodies yet ({@code text} and {@code html} null): they are written when it is delivered.
 */
public record Mail(
        String tenantId,
        String causeKey,
        String recipient,
        String subject,
        String text,
        String html,
        List<String> qrCodes) {}
