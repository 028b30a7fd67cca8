package io.groupdeal.infrastructure.database;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.groupdeal.infrastructure.guard.StartRefusal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The driver's data source, which waits for the database while the application starts. Payara deploys the
 * application only with a database: its JPA deployer logs in while it deploys, then the schema is migrated and the
 * startup data written. A launcher's own check before the start ({@code ./mvnw -Prun}, {@code run-micro.sh}) does not
 * cover a database that goes away right after it, or a start by hand; a deployment that failed would leave Payara
 * Micro running with nothing deployed. So until the application has started ({@link #started()}), a connection the
 * database does not answer (an SQL state of class 08: refused, unreachable, timed out) is tried again every
 * {@value #RETRY_MILLIS} ms with a log line, for at most {@code DEAL_DB_WAIT_SECONDS} (default {@value #DEFAULT_WAIT_SECONDS}):
 * the deployment goes on and the product becomes ready when the database comes. Past the bound, or when the
 * database refuses the connection for another reason (a wrong password, no such database), the start is refused
 * with the reason in the log and Payara Micro exits with status {@value StartRefusal#EXIT_STATUS}
 * ({@link StartRefusal}). Once started, a connection fails at once as before: a request never waits here.
 */
public class WaitingDataSource extends MysqlDataSource {

    static final long DEFAULT_WAIT_SECONDS = 300;
    static final long RETRY_MILLIS = 1_000;
    private static final long LOG_EVERY_MILLIS = 5_000;
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(WaitingDataSource.class.getName());

    private static volatile boolean started;
    private static final AtomicLong lastLogged = new AtomicLong();

    /**
     * The driver's settings, the same for every pool of the product ({@link DealDataSource}): the bounds of every
     * wait on the database and the lock wait; UTF-8 and UTC on both sides; the driver keeps the isolation level and
     * autocommit it set instead of asking the server each time, and parses each SQL text once per connection (the
     * same few statements run all day). No OpenTelemetry span per statement: the driver finds the OpenTelemetry API
     * that Payara ships and, by default, opens and names a span (String.format) for every statement even when no
     * tracing is configured; the product does not trace its SQL.
     */
    public WaitingDataSource() {
        try {
            setConnectTimeout(DealDataSource.CONNECT_TIMEOUT_MILLIS);
            setSocketTimeout(DealDataSource.SOCKET_TIMEOUT_MILLIS);
            // Connector/J sets it on every new connection (SET SESSION), on MariaDB and MySQL alike.
            setSessionVariables("innodb_lock_wait_timeout=" + DealDataSource.LOCK_WAIT_SECONDS);
            setCharacterEncoding("UTF-8");
            setStringRuntimeProperty("connectionTimeZone", "UTC"); // no setter of its own
            setForceConnectionTimeZoneToSession(true);
            setUseLocalSessionState(true);
            setCachePrepStmts(true);
            setPrepStmtCacheSize(250);
            setPrepStmtCacheSqlLimit(2048);
            setOpenTelemetry("DISABLED");
        } catch (SQLException e) {
            throw new IllegalStateException("a setting of the MySQL driver was refused: " + e.getMessage(), e);
        }
    }

    /** The application has started: from now on a connection that fails fails at once. */
    public static void started() {
        started = true;
    }

    @Override
    protected Connection getConnection(Properties props) throws SQLException {
        if (started) {
            return super.getConnection(props);
        }
        Duration bound = waitBound();
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            try {
                return super.getConnection(props);
            } catch (SQLException e) {
                if (started) {
                    throw e;
                }
                if (!notAnswering(e)) {
                    throw refuse(
                            "the database at " + address() + " refused the connection (" + e.getMessage()
                                    + "); check DEAL_DB_URL, DEAL_DB_USER and DEAL_DB_PASSWORD; not starting.",
                            e);
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw refuse(
                            "the database at " + address() + " did not answer within " + bound.toSeconds()
                                    + " s; not starting.",
                            e);
                }
                long now = System.currentTimeMillis();
                long last = lastLogged.get();
                if (now - last >= LOG_EVERY_MILLIS && lastLogged.compareAndSet(last, now)) {
                    LOG.warning(() -> "GroupDeal: waiting for the database at " + address() + " ... (" + e.getMessage()
                            + "; giving up after " + bound.toSeconds() + " s, DEAL_DB_WAIT_SECONDS)");
                }
                sleep();
            }
        }
    }

    /** Class 08 is a connection exception: the database is not there (yet), as opposed to refusing this login. */
    static boolean notAnswering(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            String state = next.getSQLState();
            if (state != null && state.startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private SQLException refuse(String reason, SQLException cause) {
        LOG.severe("GroupDeal: " + reason);
        StartRefusal.exitSoon(reason);
        return new SQLException(reason, cause.getSQLState(), cause);
    }

    /** Host and port of the URL: never the user or the password. */
    private String address() {
        String url = getUrl();
        if (url == null || !url.contains("://")) {
            return getServerName() + ":" + getPortNumber();
        }
        String rest = url.substring(url.indexOf("://") + 3);
        rest = rest.substring(rest.lastIndexOf('@') + 1);
        return rest.split("[/?,]", 2)[0];
    }

    static Duration waitBound() {
        String setting = System.getProperty("deal.db.wait-seconds", System.getenv("DEAL_DB_WAIT_SECONDS"));
        try {
            return Duration.ofSeconds(
                    setting == null ? DEFAULT_WAIT_SECONDS : Math.max(0, Long.parseLong(setting.strip())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(DEFAULT_WAIT_SECONDS);
        }
    }

    private static void sleep() throws SQLException {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the database", "08001", e);
        }
    }
}
