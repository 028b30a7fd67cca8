package io.groupdeal.domain.order;

import java.math.BigDecimal;

/**
 * A movement of money the product owes the gateway for an order, written with the change that causes it and carried
 * out after commit: {@code CAPTURE} the authorised payment, {@code CANCEL} it (void), or {@code REFUND} {@code amount}
 * of it once per {@code reference}.
 */
public record PaymentTask(
        long id,
        String tenantId,
        String orderId,
        Kind kind,
        String reference,
        BigDecimal amount,
        String paymentRef,
        int attempts) {

    public enum Kind {
        CAPTURE,
        CANCEL,
        REFUND
    }
}
