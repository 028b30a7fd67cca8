package io.groupdeal.application.order;

import io.groupdeal.application.Idempotency;

/** What a buyer asks for: {@code quantity} coupons of a deal, paid with a card token. */
public record PlaceOrder(String dealId, Integer quantity, String paymentToken) {

    /** The same request gives the same fingerprint: an idempotency key reused with another body is told apart. */
    public String fingerprint() {
        return Idempotency.fingerprint(dealId, quantity, paymentToken);
    }
}
