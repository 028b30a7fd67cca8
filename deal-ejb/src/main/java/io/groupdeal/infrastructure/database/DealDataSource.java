package io.groupdeal.infrastructure.database;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.ejb.Singleton;
import java.sql.Connection;

/**
 * The application's database: a MySQL-protocol database (MySQL 8 or MariaDB) through Connector/J, in two pools.
 * URL, user and password come from configuration ({@code DEAL_DB_URL}, {@code DEAL_DB_USER},
 * {@code DEAL_DB_PASSWORD}); the development launcher points them at an embedded MariaDB.
 * <ul>
 *   <li>The write pool ({@link #JNDI_NAME}): every transaction, every write and every read that decides one.</li>
 *   <li>The read pool ({@link #READS_JNDI_NAME}, {@code DEAL_DB_READ_URL}, by default the same database): what buyers
 *       browse and merchants read, which any database node in sync may answer. On one server both pools reach the
 *       same database. In a Galera cluster ({@code config/cluster}) the balancer sends every write-pool connection to
 *       one node and spreads the read pool's over all Synced nodes, whose reads are still causal
 *       ({@code wsrep_sync_wait}).</li>
 * </ul>
 * Both pools use the same driver settings ({@link WaitingDataSource}) and the same bounds below.
 *
 * <p>READ COMMITTED: the invariants are kept by conditional updates and unique keys, never by a snapshot, and under
 * InnoDB's default REPEATABLE READ an update that scans an index (a deal's coupons of one order) also locks the gap
 * after it, where a parallel purchase has just inserted its coupons: the two then wait on each other (a deadlock).
 *
 * <p>While the application starts, a database that does not answer is waited for (DEAL_DB_WAIT_SECONDS), so that
 * a start never leaves a deployment that failed behind: {@link WaitingDataSource}, the driver's data source.
 *
 * <p>Every wait on the database is bounded, so a database that is down or frozen costs a request a few seconds and a
 * 503, never a hung thread: a request waits at most {@link #POOL_WAIT_MILLIS} for a pooled connection, a new
 * connection at most {@link #CONNECT_TIMEOUT_MILLIS} for TCP and then the socket timeout for the handshake, and every
 * read (a statement, a commit, a validation ping) at most {@link #SOCKET_TIMEOUT_MILLIS}. Five seconds is far above
 * any statement of the request path (milliseconds); the few long reads (the dashboard of a large business, a
 * settlement) raise their own connection's limit for their statement ({@code NativeSql.report}). They read without
 * locking (READ COMMITTED's consistent reads), so the lock wait below never cuts them short. A query timeout
 * would not do instead: MariaDB is asked to cancel over a new connection, which a frozen server never answers, so
 * the waiting read hangs on. A JTA transaction timeout would not either: it marks the transaction for rollback but
 * never wakes a thread blocked on a socket. A connection that timed out is closed by the driver and the pool drops
 * it; an idle one is checked before use (at most every 10 s), so the product recovers by itself with new
 * connections when the database answers again. Not {@code fail-all-connections}: on the first broken connection it
 * destroys every connection of the pool, also those that other requests are using at that moment, whose statements
 * then fail half-way inside the driver (seen as 500s in the fault test of a frozen database, {@code .ci/faults}).
 *
 * <p>A statement that waits for a row lock (64 buyers on one hot deal queue for its row) is ended by the database
 * itself after {@link #LOCK_WAIT_SECONDS}, set on every connection of the pools ({@code innodb_lock_wait_timeout},
 * MariaDB's and MySQL's default is 50 s): the order is lock wait &lt; socket timeout &le; pool wait. The database
 * then answers error 1205, the product rolls the whole transaction back (InnoDB undoes only the statement, so the
 * container does: {@code TransactionConflict}, {@code Contention}) and the buyer gets 503 {@code busy}, truthfully
 * "nothing was changed". Were the lock wait longer than the socket timeout, the driver would give up first: the
 * answer could not tell a rolled-back transaction from a committed one, and the statement would go on waiting on the
 * server with the transaction's other locks held against the next buyers, long after its client had gone (the
 * finding of {@code bench/}). A pool wait no shorter than the socket timeout lets a request wait out a connection
 * held by a queued statement.
 */
@Singleton
@DataSourceDefinitions({
    @DataSourceDefinition(
            name = DealDataSource.JNDI_NAME,
            className = "io.groupdeal.infrastructure.database.WaitingDataSource",
            url = "${MPCONFIG=deal.db.url}",
            user = "${MPCONFIG=deal.db.user}",
            password = "${MPCONFIG=deal.db.password}",
            minPoolSize = 2,
            maxPoolSize = 40,
            maxIdleTime = 300,
            isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
            properties = {
                DealDataSource.VALIDATED,
                DealDataSource.VALIDATED_EVERY_10_S,
                DealDataSource.VALIDATED_BY_DRIVER,
                DealDataSource.VALIDATOR,
                DealDataSource.POOL_WAIT,
                DealDataSource.ONE_USER
            }),
    @DataSourceDefinition(
            name = DealDataSource.READS_JNDI_NAME,
            className = "io.groupdeal.infrastructure.database.WaitingDataSource",
            url = "${MPCONFIG=deal.db.read-url}",
            user = "${MPCONFIG=deal.db.user}",
            password = "${MPCONFIG=deal.db.password}",
            transactional = false,
            minPoolSize = 0,
            maxPoolSize = 40,
            maxIdleTime = 300,
            isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
            properties = {
                DealDataSource.VALIDATED,
                DealDataSource.VALIDATED_EVERY_10_S,
                DealDataSource.VALIDATED_BY_DRIVER,
                DealDataSource.VALIDATOR,
                DealDataSource.POOL_WAIT,
                DealDataSource.ONE_USER
            })
})
public class DealDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/deal";

    /**
     * The read pool: reads that any database node in sync may answer ({@code io.groupdeal.domain.shared.AnyNodeSql}),
     * at {@code DEAL_DB_READ_URL} (default {@code DEAL_DB_URL}). Not transactional: its connections never join a
     * transaction of the product, so a read there never holds a lock or a connection of the write pool.
     */
    public static final String READS_JNDI_NAME = "java:app/jdbc/deal-reads";

    /** The longest a request waits for a pooled connection when all are taken (Payara's default is 60 s). */
    public static final int POOL_WAIT_MILLIS = 5_000;

    /*
     * The pool settings of every pool on the product's database (these two and the sandbox's,
     * io.groupdeal.infrastructure.sandbox.SandboxService), as Payara's pool properties. A connection is checked before
     * use at most every 10 s, not at every checkout (a ping per use); a request waits for a pooled connection at most
     * POOL_WAIT_MILLIS.
     */
    public static final String VALIDATED = "fish.payara.is-connection-validation-required=true";
    public static final String VALIDATED_EVERY_10_S = "fish.payara.validate-atmost-once-period-in-seconds=10";
    public static final String VALIDATED_BY_DRIVER = "fish.payara.connection-validation-method=custom-validation";
    public static final String VALIDATOR =
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation";
    public static final String POOL_WAIT = "fish.payara.max-wait-time-in-millis=" + POOL_WAIT_MILLIS;
    /*
     * Every connection of a pool logs in as the same user: a checkout takes any free connection, without comparing
     * its credentials with the request's (on by default for a @DataSourceDefinition's pool; a privileged look-up
     * of the credentials at every checkout, about 1 % of the product's CPU in the purchase bench's profile).
     */
    public static final String ONE_USER = "fish.payara.match-connections=false";

    /** The longest a new connection waits for the database's TCP answer. */
    public static final int CONNECT_TIMEOUT_MILLIS = 3_000;

    /** The longest any read on a connection waits for the database: a statement, a commit, a validation. */
    public static final int SOCKET_TIMEOUT_MILLIS = 5_000;

    /**
     * The longest a statement waits for a row lock before the database gives up on it (error 1205), in whole
     * seconds as the variable takes them. Below the socket timeout with room to spare: MySQL checks lock waits once a
     * second, so a wait may end up to a second late, and the statement then still has to answer.
     */
    public static final int LOCK_WAIT_SECONDS = 2;
}
