package io.groupdeal.application.payment;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A card processor, reached over the network: every call may take long, fail, or succeed while its answer is lost.
 * So no caller holds a database transaction or a lock across a call, and every call is idempotent: a payment is
 * made under a key (the order's id) and asked again under that key it answers the first outcome and moves no more
 * money; capture is once per payment, refund once per {@code reference}. A call that gets no answer throws
 * {@link GatewayUnreachable}: the outcome is unknown and {@link #find} tells it later.
 *
 * <p>Implementations are CDI beans named by {@code deal.payment.gateway}: the built-in {@code sandbox}, or a real
 * provider (its SDK calls behind these six methods, the key as its idempotency key).
 */
public interface PaymentGateway {

    /**
     * Authorises {@code amount} on the card, and charges it at once when {@code capture}. Answers the payment:
     * {@code AUTHORISED} or {@code CAPTURED} when approved, {@code DECLINED} when the card was refused,
     * {@code FAILED} when the provider failed before charging (nothing is or will be charged under this key).
     *
     * @throws GatewayUnreachable when no answer came: the key may have charged or not
     */
    Payment authorise(String key, String paymentToken, BigDecimal amount, String currency, boolean capture);

    /** The payment made under the key, or empty when the provider never charged under it. */
    Optional<Payment> find(String key);

    /**
     * Makes sure the key never charges: voids its authorisation, or bars the key when nothing was authorised under it
     * yet (a late authorise with the key is then refused). A payment already captured stays so and is answered as it
     * is: the caller refunds it or keeps it.
     */
    Payment cancel(String key);

    /** Captures the authorised amount of the payment; a captured payment answers as it is. */
    Payment capture(String paymentRef);

    /** Pays back {@code amount} of a captured payment, once per {@code reference} (a coupon, a cancelled order). */
    Payment refund(String paymentRef, BigDecimal amount, String reference);
}
