package io.groupdeal.infrastructure.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DealDataSourceTest {

    private static final List<DataSourceDefinition> POOLS = List.of(
            DealDataSource.class.getAnnotation(DataSourceDefinitions.class).value());

    @Test
    void everyConnectionOfBothPoolsEndsALockWaitOnTheServerAndWaitsBoundedly() throws SQLException {
        assertEquals(
                List.of(WaitingDataSource.class.getName(), WaitingDataSource.class.getName()),
                POOLS.stream().map(DataSourceDefinition::className).toList(),
                "both pools take the driver's settings from WaitingDataSource");
        Properties driver = new WaitingDataSource().exposeAsProperties();
        assertEquals("innodb_lock_wait_timeout=" + DealDataSource.LOCK_WAIT_SECONDS, driver.get("sessionVariables"));
        assertEquals(String.valueOf(DealDataSource.SOCKET_TIMEOUT_MILLIS), driver.get("socketTimeout"));
        assertEquals(String.valueOf(DealDataSource.CONNECT_TIMEOUT_MILLIS), driver.get("connectTimeout"));
        assertEquals("UTC", driver.get("connectionTimeZone"));
        for (DataSourceDefinition pool : POOLS) {
            assertTrue(
                    List.of(pool.properties())
                            .contains("fish.payara.max-wait-time-in-millis=" + DealDataSource.POOL_WAIT_MILLIS),
                    pool.name());
            assertTrue(List.of(pool.properties()).contains("fish.payara.match-connections=false"), pool.name());
        }
    }

    @Test
    void theReadPoolNeverJoinsATransactionAndDefaultsToTheWriteDatabase() {
        DataSourceDefinition reads = POOLS.stream()
                .filter(p -> p.name().equals(DealDataSource.READS_JNDI_NAME))
                .findFirst()
                .orElseThrow();
        assertFalse(reads.transactional());
        assertEquals("${MPCONFIG=deal.db.read-url}", reads.url());
        assertTrue(POOLS.stream()
                .filter(p -> p.name().equals(DealDataSource.JNDI_NAME))
                .allMatch(DataSourceDefinition::transactional));
    }

    @Test
    void aLockWaitEndsBeforeTheDriverGivesUpOnTheReadAndTheReadBeforeThePoolWait() {
        // MySQL checks lock waits once a second: a wait may end a second late, and the statement still has to answer
        assertTrue((DealDataSource.LOCK_WAIT_SECONDS + 1) * 1000L < DealDataSource.SOCKET_TIMEOUT_MILLIS);
        assertTrue(DealDataSource.SOCKET_TIMEOUT_MILLIS <= DealDataSource.POOL_WAIT_MILLIS);
    }
}
