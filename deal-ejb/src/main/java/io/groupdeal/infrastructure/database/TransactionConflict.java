package io.groupdeal.infrastructure.database;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Tells a transaction the database rolled back because of other transactions from a bug: a deadlock victim (MariaDB
 * and MySQL error 1213), a lock wait that timed out (1205), and on a Galera cluster a write set that failed
 * certification against a concurrent one committed on another node, or a local transaction aborted by a replicated one
 * (both reported as 1213, SQLSTATE 40001). The transaction changed nothing, so the same request again will do: the
 * answer is 503 with {@code Retry-After}, never a 500. Such a failure arrives wrapped in whatever layer met it first
 * (EclipseLink, an EJB, the transaction manager), so the whole chain of causes is searched, as {@link DatabaseOutage}
 * does for a database that is down. Before that answer, the steps of the busiest writes (the purchase's reserve,
 * confirm and release; a redemption and its undo) are tried again a few times by their callers ({@link #retried}),
 * which is what a client would do, only sooner. A lock wait ends on the database after
 * {@link DealDataSource#LOCK_WAIT_SECONDS}, before the driver's socket timeout, so a step queued behind a hot row
 * answers within about {@value #ATTEMPTS} such waits, and always as a conflict, never as an outage.
 */
public final class TransactionConflict {

    /** ER_LOCK_DEADLOCK: a deadlock victim, or a Galera certification failure or brute-force abort. */
    public static final int DEADLOCK = 1213;
    /** ER_LOCK_WAIT_TIMEOUT. */
    public static final int LOCK_WAIT_TIMEOUT = 1205;
    /** SQLSTATE class 40: transaction rollback. */
    private static final String TRANSACTION_ROLLBACK = "40";

    /** Tries of a step that meets conflicts: the first and two more, each after a short random pause. */
    static final int ATTEMPTS = 3;

    private TransactionConflict() {}

    /**
     * Runs one transaction (a call to a transactional boundary, made from outside any transaction) and runs it again
     * when the database rolled it back because of others: it changed nothing, so running it again is safe. The pause
     * before each new try is random (up to 20 ms, then 40 ms), so that the transactions that met do not meet again.
     * After the last try, the conflict goes to the caller (answered 503 busy).
     */
    public static <T> T retried(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException failure) {
                if (attempt >= ATTEMPTS || !isCauseOf(failure)) {
                    throw failure;
                }
                pause(attempt);
            }
        }
    }

    /** {@link #retried(Supplier)} for a transaction without a result. */
    public static void retried(Runnable transaction) {
        retried(() -> {
            transaction.run();
            return null;
        });
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 20L * attempt + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to try a transaction again", interrupted);
        }
    }

    /** True when a rollback the database decided because of other transactions is anywhere in the chain of causes. */
    public static boolean isCauseOf(Throwable failure) {
        return Causes.any(failure, cause -> cause instanceof SQLException sql && signals(sql));
    }

    private static boolean signals(SQLException sql) {
        return sql instanceof SQLTransactionRollbackException
                || sql.getErrorCode() == DEADLOCK
                || sql.getErrorCode() == LOCK_WAIT_TIMEOUT
                || sql.getSQLState() != null && sql.getSQLState().startsWith(TRANSACTION_ROLLBACK);
    }
}
