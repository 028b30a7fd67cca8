package io.groupdeal.infrastructure.database;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The chain of causes of a failure as the database's failures arrive: wrapped in whatever layer met them first
 * (EclipseLink, the pool, an EJB, the transaction manager), and an {@link SQLException} with the driver's further
 * exceptions chained behind it ({@link SQLException#getNextException()}). One walk for {@link DatabaseOutage} and
 * {@link TransactionConflict}; a cycle of causes ends it.
 */
final class Causes {

    private Causes() {}

    /** True when {@code signal} holds for a cause anywhere in the chain of {@code failure}, the failure included. */
    static boolean any(Throwable failure, Predicate<Throwable> signal) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure;
                cause != null && seen.put(cause, Boolean.TRUE) == null;
                cause = cause.getCause()) {
            if (signal.test(cause)) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getNextException() != null
                    && any(sql.getNextException(), signal)) {
                return true;
            }
        }
        return false;
    }
}
