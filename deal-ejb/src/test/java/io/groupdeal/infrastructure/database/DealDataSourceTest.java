package io.groupdeal.infrastructure.database;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.sql.DataSourceDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class DealDataSourceTest {

    private static final DataSourceDefinition DEFINITION =
            DealDataSource.class.getAnnotation(DataSourceDefinition.class);

    @Test
    void everyConnectionOfThePoolEndsALockWaitOnTheServer() {
        assertTrue(
                List.of(DEFINITION.properties())
                        .contains("sessionVariables=innodb_lock_wait_timeout=" + DealDataSource.LOCK_WAIT_SECONDS),
                "Connector/J sets the lock wait on every new connection");
    }

    @Test
    void aLockWaitEndsBeforeTheDriverGivesUpOnTheReadAndTheReadBeforeThePoolWait() {
        // MySQL checks lock waits once a second: a wait may end a second late, and the statement still has to answer
        assertTrue((DealDataSource.LOCK_WAIT_SECONDS + 1) * 1000L < DealDataSource.SOCKET_TIMEOUT_MILLIS);
        assertTrue(DealDataSource.SOCKET_TIMEOUT_MILLIS <= DealDataSource.POOL_WAIT_MILLIS);
    }
}
