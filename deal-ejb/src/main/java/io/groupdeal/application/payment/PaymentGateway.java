package io.groupdeal.application.payment;

import io.groupdeal.application.problem.PaymentDeclined;
import io.groupdeal.application.problem.PaymentUnavailable;
import java.math.BigDecimal;

/**
 * A card processor. An order authorises its amount; tipping captures it; a failed or cancelled deal voids it; a
 * refund pays back part or all of a captured amount. Capture, void and refund are idempotent per
 * ({@code paymentRef}, {@code reference}): asked twice, money moves once, so a settlement retried after a crash never
 * charges twice. Implementations are CDI beans named by {@code deal.payment.gateway}.
 */
public interface PaymentGateway {

    /**
     * Reserves the amount on the buyer's card and answers the payment's reference.
     *
     * @throws PaymentDeclined when the card is refused
     * @throws PaymentUnavailable when the processor cannot be reached
     */
    String authorise(String paymentToken, BigDecimal amount, String currency, String orderId);

    void capture(String paymentRef, BigDecimal amount, String currency);

    void voidAuthorisation(String paymentRef, BigDecimal amount, String currency);

    /** Pays back {@code amount} of a captured payment; {@code reference} names what is refunded (a coupon, an order). */
    void refund(String paymentRef, BigDecimal amount, String currency, String reference);
}
