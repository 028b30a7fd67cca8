package io.groupdeal.domain.shared;

/**
 * The database gave up on a statement because of other transactions (a deadlock victim, a lock wait timeout). The
 * transaction is undone; nothing changed, and the same request may simply be sent again.
 */
public class Contention extends RuntimeException {

    public Contention(String message, Throwable cause) {
        super(message, cause);
    }
}
