package io.groupdeal.application.payment;

/**
 * A gateway call got no answer (timeout, refused connection, an answer that is not one): what it did is unknown. The
 * caller leaves its record as it was and tries again later; {@link PaymentGateway#find} tells what happened.
 */
public class GatewayUnreachable extends RuntimeException {

    public GatewayUnreachable(String message, Throwable cause) {
        super(message, cause);
    }

    public GatewayUnreachable(String message) {
        super(message);
    }
}
