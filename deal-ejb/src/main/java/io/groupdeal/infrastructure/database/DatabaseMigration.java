package io.groupdeal.infrastructure.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything else starts. Flyway's lock table makes concurrent starts of
 * several instances safe: one migrates, the others wait and find nothing left to do.
 *
 * <p>A database that does not answer yet (started after the application, or restarting) is waited for, with a log
 * line every few seconds, for at most {@code DEAL_DB_WAIT_SECONDS}; the application is deployed, and ready, when it
 * answers. If it never does, the process exits with status 3 and says why, rather than run on as a server with
 * nothing deployed.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigration {

    /** Exit status of a start that gave up waiting for the database. */
    static final int NO_DATABASE = 3;

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());
    private static final Duration RETRY = Duration.ofSeconds(5);

    @Resource(lookup = DealDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    @ConfigProperty(name = "deal.db.url", defaultValue = "")
    private String url;

    @Inject
    @ConfigProperty(name = "deal.db.wait.seconds", defaultValue = "300")
    private long waitSeconds;

    @PostConstruct
    void migrate() {
        awaitDatabase();
        MigrateResult result = Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    private void awaitDatabase() {
        long started = System.nanoTime();
        Duration limit = Duration.ofSeconds(Math.max(0, waitSeconds));
        String where = address(url);
        while (true) {
            String failure = tryConnection();
            if (failure == null) {
                return;
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            if (waited.compareTo(limit) >= 0) {
                LOG.severe("The database at " + where + " did not answer within " + limit.toSeconds() + " s (" + failure
                        + "); giving up: GroupDeal stops with exit status " + NO_DATABASE
                        + ". Check DEAL_DB_URL and that the database runs, or wait longer with DEAL_DB_WAIT_SECONDS.");
                exitSoon();
                throw new IllegalStateException("The database at " + where + " did not answer within " + limit.toSeconds() + " s");
            }
            LOG.warning("Waiting for the database at " + where + " ... (" + failure + "; waited " + waited.toSeconds()
                    + " s of at most " + limit.toSeconds() + " s; the application starts when it answers)");
            try {
                Thread.sleep(RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the database at " + where, e);
            }
        }
    }

    /** Null when a connection answers, else why not in a few words (no stack, no credentials). */
    private String tryConnection() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? null : "no answer to a ping";
        } catch (SQLException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
            return root.getClass().getSimpleName() + (message.isBlank() ? "" : ": " + message);
        }
    }

    /**
     * Exit from another thread, once the failed deployment has unwound: exiting from this one, which holds the
     * deployment's locks, would make the server's shutdown hooks wait on it.
     */
    private static void exitSoon() {
        Thread exit = new Thread(() -> System.exit(NO_DATABASE), "deal-no-database-exit");
        exit.setDaemon(true);
        exit.start();
    }

    /** {@code host:port} of a JDBC URL, without user or password. */
    static String address(String jdbcUrl) {
        int start = jdbcUrl.indexOf("//");
        if (start < 0) {
            return "(DEAL_DB_URL not set)";
        }
        String rest = jdbcUrl.substring(start + 2);
        int end = rest.indexOf('/');
        String authority = end < 0 ? rest : rest.substring(0, end);
        int query = authority.indexOf('?');
        authority = query < 0 ? authority : authority.substring(0, query);
        return authority.substring(authority.lastIndexOf('@') + 1);
    }
}
