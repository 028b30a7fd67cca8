package io.groupdeal.application.order;

import io.groupdeal.application.Idempotency;

/**
 * What a buyer asks for: {@code quantity} coupons of one option of a deal ({@code optionId}; may be left out when the
 * deal has one option), paid with a card token.
 */
public record PlaceOrder(String dealId, String optionId, Integer quantity, String paymentToken) {

    /** An order that names no option: for a deal of one option, as every client before options sent it. */
    public PlaceOrder(String dealId, Integer quantity, String paymentToken) {
        this(dealId, null, quantity, paymentToken);
    }

    /**
     * The same request gives the same fingerprint: an idempotency key reused with another body is told apart. An order
     * naming no option has the fingerprint it had before options existed, so a key used then answers the same now.
     */
    public String fingerprint() {
        return optionId == null
                ? Idempotency.fingerprint(dealId, quantity, paymentToken)
                : Idempotency.fingerprint(dealId, quantity, paymentToken, "option:" + optionId);
    }
}
