package io.groupdeal.infrastructure.database;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aBrokenLinkDeepInTheChainIsAnOutage() {
        SQLRecoverableException link = new SQLRecoverableException("Communications link failure", "08S01");
        assertTrue(DatabaseOutage.isCauseOf(
                new EJBException(new PersistenceException(new IllegalStateException("query failed", link)))));
    }

    @Test
    void aPoolThatGaveNoConnectionIsAnOutage() {
        SQLException pool = new SQLException(
                "Error in allocating a connection",
                new ResourceAllocationException("In-use connections equal max-pool-size and expired max-wait-time"));
        assertTrue(DatabaseOutage.isCauseOf(new EJBException(pool)));
        assertTrue(DatabaseOutage.isCauseOf(new SQLTransientConnectionException("timed out")));
    }

    @Test
    void aReadThatTimedOutIsAnOutage() {
        assertTrue(DatabaseOutage.isCauseOf(new PersistenceException(
                new SQLException("Read timed out", "08S01", new SocketTimeoutException("Read timed out")))));
        SQLException chained = new SQLException("batch failed");
        chained.setNextException(new SQLException("link", "08003"));
        assertTrue(DatabaseOutage.isCauseOf(chained));
    }

    @Test
    void aCommitTheTransactionManagerCouldNotMakeIsAnOutage() {
        jakarta.transaction.SystemException commit = new jakarta.transaction.SystemException();
        commit.initCause(new javax.transaction.xa.XAException("connection gone"));
        assertTrue(DatabaseOutage.isCauseOf(new EJBException(commit)));
    }
}
