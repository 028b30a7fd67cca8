package io.groupdeal.application.problem;

/** The payment gateway refused the payment (402): nothing was bought and nothing was charged. */
public class PaymentDeclined extends Problem {

    public PaymentDeclined(String detail) {
        super("payment-declined", "Payment declined", detail);
    }
}
