package io.groupdeal.application.problem;

/** The payment gateway refused the payment (402): nothing was bought and nothing was charged. */
public class PaymentDeclined extends Problem {

    public PaymentDeclined() {
        super("payment-declined", Reason.of("payment-declined"));
    }
}
