package io.groupdeal.infrastructure.database;

import jakarta.resource.ResourceException;
import jakarta.transaction.SystemException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import javax.transaction.xa.XAException;

/**
 * Tells a failure of the database itself (down, frozen, unreachable, or every pooled connection taken past the
 * pool's wait) from a bug. Such a failure arrives wrapped in whatever layer met it first (EclipseLink, the pool, an
 * EJB, a transaction), so the whole chain of causes is searched. What it answers is never a 500: nothing was
 * changed, and the same request will do once the database answers again.
 */
public final class DatabaseOutage {

    /** SQLSTATE class 08: connection exception (the driver's "communications link failure" among them). */
    private static final String CONNECTION_EXCEPTION = "08";

    private static final Set<String> CLOSED_BY_DRIVER = Set.of(
            "com.mysql.cj.exceptions.StatementIsClosedException",
            "com.mysql.cj.exceptions.ConnectionIsClosedException");

    private DatabaseOutage() {}

    /** True when the database's unavailability is anywhere in the chain of causes of {@code failure}. */
    public static boolean isCauseOf(Throwable failure) {
        return Causes.any(failure, DatabaseOutage::signals);
    }

    private static boolean signals(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLRecoverableException
                || cause instanceof SQLTimeoutException
                || cause instanceof SocketTimeoutException
                || cause instanceof ConnectException) {
            return true;
        }
        if (cause instanceof SQLException sql
                && sql.getSQLState() != null
                && sql.getSQLState().startsWith(CONNECTION_EXCEPTION)) {
            return true;
        }
        // Connector/J closes a connection, and every statement on it, when a read times out; a statement of the same
        // transaction then fails with "statement closed" (our statements are never used after their own close).
        if (CLOSED_BY_DRIVER.contains(cause.getClass().getName())) {
            return true;
        }
        // The pool could not hand out a connection: all taken past its wait, or a new one could not be made; or the
        // transaction manager could not commit or roll back on it (the database is its only resource).
        return cause instanceof ResourceException || cause instanceof XAException || cause instanceof SystemException;
    }
}
