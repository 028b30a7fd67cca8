package io.groupdeal.infrastructure.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

class TransactionConflictTest {

    @Test
    void aDeadlockVictimDeepInTheChainIsAConflict() {
        SQLException deadlock = new SQLTransactionRollbackException(
                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
        assertTrue(TransactionConflict.isCauseOf(
                new EJBException(new PersistenceException(new IllegalStateException("update", deadlock)))));
    }

    @Test
    void aGaleraCertificationFailureAtCommitIsAConflict() {
        // Galera reports a write set that lost certification, at commit, as a deadlock; the transaction manager wraps
        // it.
        jakarta.transaction.RollbackException commit = new jakarta.transaction.RollbackException("commit failed");
        javax.transaction.xa.XAException xa = new javax.transaction.xa.XAException("local commit failed");
        xa.initCause(new SQLException(
                "WSREP detected deadlock/conflict and aborted the transaction. Try restarting the transaction",
                "40001",
                1213));
        commit.initCause(xa);
        assertTrue(TransactionConflict.isCauseOf(new EJBException(commit)));
    }

    @Test
    void aLockWaitThatTimedOutIsAConflict() {
        assertTrue(TransactionConflict.isCauseOf(new PersistenceException(
                new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205))));
        SQLException chained = new SQLException("batch failed");
        chained.setNextException(new SQLException("rolled back", "40001"));
        assertTrue(TransactionConflict.isCauseOf(chained));
    }

    @Test
    void anOutageIsNot() {
        assertFalse(TransactionConflict.isCauseOf(new SQLException("Communications link failure", "08S01")));
        assertFalse(TransactionConflict.isCauseOf(
                new SQLException("WSREP has not yet prepared node for application use", "08S01", 1047)));
    }

    @Test
    void aTransactionThatMetAConflictIsTriedAgainAndItsResultReturned() {
        java.util.concurrent.atomic.AtomicInteger tries = new java.util.concurrent.atomic.AtomicInteger();
        String result = TransactionConflict.retried(() -> {
            if (tries.incrementAndGet() < TransactionConflict.ATTEMPTS) {
                throw new IllegalStateException("rolled back", new SQLException("Deadlock found", "40001", 1213));
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(TransactionConflict.ATTEMPTS, tries.get());
    }

    @Test
    void theLastConflictAndAnyOtherFailureGoToTheCaller() {
        java.util.concurrent.atomic.AtomicInteger tries = new java.util.concurrent.atomic.AtomicInteger();
        RuntimeException conflict =
                new IllegalStateException("rolled back", new SQLException("Lock wait", "HY000", 1205));
        assertSame(
                conflict,
                assertThrows(
                        IllegalStateException.class,
                        () -> TransactionConflict.retried(() -> {
                            tries.incrementAndGet();
                            throw conflict;
                        })));
        assertEquals(TransactionConflict.ATTEMPTS, tries.get());

        tries.set(0);
        assertThrows(
                IllegalArgumentException.class,
                () -> TransactionConflict.retried(() -> {
                    tries.incrementAndGet();
                    throw new IllegalArgumentException("a bug is not tried again");
                }));
        assertEquals(1, tries.get());
    }
}
