package io.groupdeal.infrastructure.database;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import java.sql.Connection;

/**
 * The one data source of the application: a MySQL-protocol database (MySQL 8 or MariaDB) through Connector/J.
 * URL, user and password come from configuration ({@code DEAL_DB_URL}, {@code DEAL_DB_USER},
 * {@code DEAL_DB_PASSWORD}); the development launcher points them at an embedded MariaDB.
 *
 * <p>READ COMMITTED: the invariants are kept by conditional updates and unique keys, never by a snapshot, and under
 * InnoDB's default REPEATABLE READ an update that scans an index (a deal's coupons of one order) also locks the gap
 * after it, where a parallel purchase has just inserted its coupons: the two then wait on each other (a deadlock).
 */
@Singleton
@DataSourceDefinition(
        name = DealDataSource.JNDI_NAME,
        className = "com.mysql.cj.jdbc.MysqlDataSource",
        url = "${MPCONFIG=deal.db.url}",
        user = "${MPCONFIG=deal.db.user}",
        password = "${MPCONFIG=deal.db.password}",
        minPoolSize = 2,
        maxPoolSize = 40,
        maxIdleTime = 300,
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
        properties = {
                // A connection is checked before use at most every 10 s, not at every checkout (a ping per use).
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.validate-atmost-once-period-in-seconds=10",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.fail-all-connections=true",
                "characterEncoding=UTF-8",
                "connectionTimeZone=UTC",
                "forceConnectionTimeZoneToSession=true",
                // The driver keeps the isolation level and autocommit it set instead of asking the server each time,
                // and parses each SQL text once per connection (the same few statements run all day).
                "useLocalSessionState=true",
                "cachePrepStmts=true",
                "prepStmtCacheSize=250",
                "prepStmtCacheSqlLimit=2048"
        })
public class DealDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/deal";
}
