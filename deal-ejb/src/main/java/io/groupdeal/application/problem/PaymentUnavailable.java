package io.groupdeal.application.problem;

/** The payment gateway could not be reached or failed (503): nothing was bought; the buyer may try again. */
public class PaymentUnavailable extends Problem {

    public PaymentUnavailable(Reason reason) {
        super("payment-unavailable", reason);
    }
}
