package io.groupdeal.domain.shared;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Plain SQL on the application's data source, inside the caller's transaction: the one JDBC helper of the domain's
 * repositories. The statements are written in the repositories of {@code io.groupdeal.domain}, and nowhere above them
 * ({@code LayersTest} keeps it so). EclipseLink does not add the tenant to native SQL (and refuses it in a unit with
 * multitenant entities), so every statement names {@code tenant_id} itself, or crosses tenants on purpose (the catalog,
 * the scheduled moves). A read hands each row to the repository's {@link RowMapper}, which builds its record from the
 * {@link Row} by column name (an expression gets an {@code AS} alias), never by position; {@link Row} holds the
 * conversions of the driver's values, once.
 *
 * <p>Inside a JTA transaction all statements of the transaction run on one connection handle, taken from the pool at
 * its first statement and closed when the transaction ends: the pool's checkout (a search of the transaction's
 * resources, with a comparison of the data source's settings that builds maps each time) costs more than a short
 * statement, and a purchase's transactions run several. Outside a transaction each statement takes a connection of
 * its own and gives it back at once (autocommit), as before.
 *
 * <p>{@link #transaction} is a short transaction of its own, outside JTA, for the one hot path whose writes are all
 * native statements (the counter's redemption).
 */
@ApplicationScoped
public class NativeSql {

    private static final Logger LOG = Logger.getLogger(NativeSql.class.getName());
    private static final int DUPLICATE_KEY = 1062;
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int DEADLOCK = 1213;

    /** How long one statement of a report may read (the data source's own limit is a few seconds). */
    public static final int LONG_READ_MILLIS = 60_000;

    /** The key of the transaction's connection among the transaction's resources. */
    private static final String CONNECTION = NativeSql.class.getName() + ".connection";

    @Resource(lookup = "java:app/jdbc/deal")
    private DataSource dataSource;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    private TransactionSynchronizationRegistry transactions;

    /** The connection of this thread's {@link #transaction}, while its work runs; null otherwise. */
    private final ThreadLocal<Connection> local = new ThreadLocal<>();

    /** What a statement does with its connection. */
    @FunctionalInterface
    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** The pool this helper's statements run on: the write pool. */
    protected DataSource pool() {
        return dataSource;
    }

    /** Whether a statement joins the caller's transaction (its connection), as every statement of the write pool does. */
    protected boolean joinsTransactions() {
        return true;
    }

    /** {@code work} on the transaction's connection, or on a connection of its own outside an active transaction. */
    private <T> T run(Work<T> work) throws SQLException {
        Connection own = local.get();
        if (own != null) {
            return work.on(own);
        }
        Connection joined = joinsTransactions() ? transactionConnection() : null;
        if (joined != null) {
            return work.on(joined);
        }
        try (Connection connection = ownConnection()) {
            return work.on(connection);
        }
    }

    /**
     * A connection of the pool for statements of their own. Outside any transaction it must be in autocommit: a
     * statement on a connection still inside a transaction would never be committed and would hold its row locks
     * until whatever uses the connection next ends that transaction, which may be a rollback. The pool does hand out
     * such connections (the cluster test saw it under load); where they come from is not proven: Payara's local
     * transaction skips turning autocommit back on when the COMMIT or ROLLBACK itself fails. The leftover transaction is
     * rolled back here (its owner was told it failed) and autocommit restored, with a warning, before this statement
     * runs. A connection enlisted in the caller's transaction (one marked for rollback) is left as it is.
     */
    private Connection ownConnection() throws SQLException {
        Connection connection = pool().getConnection();
        try {
            boolean outsideTransactions =
                    !joinsTransactions() || transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION;
            if (outsideTransactions && !connection.getAutoCommit()) {
                LOG.warning(() -> "GroupDeal: a connection of the " + (joinsTransactions() ? "write" : "read")
                        + " pool came without autocommit, inside a transaction left open; rolled that transaction back"
                        + " and turned autocommit on before a statement of its own");
                connection.rollback();
                connection.setAutoCommit(true);
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * The connection of the active transaction, taken at its first statement and closed when it completes (before the
     * pool frees the transaction's connection: an interposed synchronization ends first); null outside an active
     * transaction (none, or one marked for rollback: each statement then takes its own, as it always did).
     */
    private Connection transactionConnection() throws SQLException {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return null;
        }
        Connection connection = (Connection) transactions.getResource(CONNECTION);
        if (connection == null) {
            Connection taken = dataSource.getConnection();
            try {
                transactions.registerInterposedSynchronization(new Closing(taken));
            } catch (RuntimeException e) {
                taken.close();
                throw e;
            }
            transactions.putResource(CONNECTION, taken);
            connection = taken;
        }
        return connection;
    }

    /** Closes the transaction's connection handle when the transaction has completed. */
    private record Closing(Connection connection) implements Synchronization {

        @Override
        public void beforeCompletion() {
            // the statements are done; the commit is the pool's
        }

        @Override
        public void afterCompletion(int status) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the pool drops a broken connection by itself; nothing is left to undo here
            }
        }
    }

    /**
     * {@code work} as one transaction of its own, outside JTA: every statement it runs through this helper runs on one
     * connection between {@code START TRANSACTION} and {@code COMMIT}; when {@code work} throws, {@code ROLLBACK}, and
     * the exception goes on. That is two requests to the database for the transaction, where a JTA transaction on
     * the pool costs three ({@code SET autocommit=0}, {@code COMMIT}, {@code SET autocommit=1}); for the counter's
     * redemption, with two writes, that is one request in six. Only for work that is nothing but native statements
     * of this helper (EclipseLink's would not be part of it) and that calls nothing slow: the rows it writes stay
     * locked until it returns. Refused inside a JTA transaction, whose statements it would not join, and inside
     * another such transaction.
     *
     * <p>Should the ROLLBACK fail as well, the database went away or froze: the driver closes a connection whose
     * request failed for the network's sake, the pool's check drops it, and the database rolls back the transaction
     * of a connection it lost.
     */
    public <T> T transaction(Supplier<T> work) {
        if (local.get() != null || transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            throw new IllegalStateException("a transaction of its own runs outside any other transaction");
        }
        try (Connection connection = ownConnection();
                Statement control = connection.createStatement()) {
            control.execute("START TRANSACTION");
            local.set(connection);
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                rollback(control, e);
                throw e;
            }
            control.execute("COMMIT");
            return result;
        } catch (SQLException e) {
            throw failure("transaction", e);
        } finally {
            local.remove();
        }
    }

    private static void rollback(Statement control, Throwable cause) {
        try {
            control.execute("ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
            LOG.log(
                    Level.WARNING,
                    "GroupDeal: the rollback of a transaction of its own failed (the connection is taken as lost)",
                    e);
        }
    }

    /** The rows of a read, each built by {@code mapper} from its columns by name. */
    public <T> List<T> rows(String sql, List<?> parameters, RowMapper<T> mapper) {
        try {
            return run(connection -> read(connection, sql, parameters, mapper));
        } catch (SQLException e) {
            throw failure("query", e);
        }
    }

    /** The first row of a read that always has one (a count, a sum, an {@code EXISTS}). */
    public <T> T one(String sql, List<?> parameters, RowMapper<T> mapper) {
        List<T> rows = rows(sql, parameters, mapper);
        if (rows.isEmpty()) {
            throw new IllegalStateException("no row: " + sql);
        }
        return rows.get(0);
    }

    /** Whether a read finds any row (a {@code SELECT 1 ... } that asks whether something exists). */
    public boolean any(String sql, List<?> parameters) {
        return !rows(sql, parameters, row -> Boolean.TRUE).isEmpty();
    }

    /** The first row of a read, if any. */
    public <T> Optional<T> first(String sql, List<?> parameters, RowMapper<T> mapper) {
        return rows(sql, parameters, mapper).stream().findFirst();
    }

    /**
     * A read that may legitimately take long: a figure counted over all the coupons of a large business (a year's
     * dashboard, a settlement). The data source gives up on any read after a few seconds, so that a frozen database
     * costs a request seconds, not minutes; this statement alone may wait up to {@link #LONG_READ_MILLIS}.
     */
    public <T> List<T> report(String sql, List<?> parameters, RowMapper<T> mapper) {
        try (Connection connection = ownConnection()) {
            int usual = connection.getNetworkTimeout();
            connection.setNetworkTimeout(Runnable::run, LONG_READ_MILLIS);
            try {
                return read(connection, sql, parameters, mapper);
            } finally {
                connection.setNetworkTimeout(Runnable::run, usual);
            }
        } catch (SQLException e) {
            throw failure("report", e);
        }
    }

    private static <T> List<T> read(Connection connection, String sql, List<?> parameters, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet result = statement.executeQuery()) {
            Row row = new Row(result);
            List<T> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(mapper.map(row));
            }
            return rows;
        }
    }

    public int update(String sql, List<?> parameters) {
        try {
            return run(connection -> {
                try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                    return statement.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw failure("update", e);
        }
    }

    /**
     * A conditional update or delete of at most one row: true when it changed that row. The row count decides, so of
     * callers that race for the same change, exactly one is answered true.
     */
    public boolean changesOne(String sql, List<?> parameters) {
        return update(sql, parameters) == 1;
    }

    /**
     * An insert that a unique key may refuse: answers false for a duplicate key (the statement alone is undone, the
     * transaction goes on). InnoDB makes a parallel insert of the same key wait for the first transaction, so the
     * loser sees the winner's committed row.
     */
    public boolean insertUnlessDuplicate(String sql, List<?> parameters) {
        try {
            return run(connection -> {
                try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                    statement.executeUpdate();
                    return true;
                }
            });
        } catch (SQLIntegrityConstraintViolationException e) {
            if (e.getErrorCode() == DUPLICATE_KEY) {
                return false;
            }
            throw failure("insert", e);
        } catch (SQLException e) {
            throw failure("insert", e);
        }
    }

    /** One statement run for each list of parameters, sent together. */
    public void batch(String sql, List<? extends List<?>> rows) {
        try {
            run(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (List<?> row : rows) {
                        bind(statement, row);
                        statement.addBatch();
                    }
                    return statement.executeBatch();
                }
            });
        } catch (SQLException e) {
            throw failure("batch", e);
        }
    }

    private static RuntimeException failure(String what, SQLException e) {
        if (e.getErrorCode() == DEADLOCK || e.getErrorCode() == LOCK_WAIT_TIMEOUT) {
            return new Contention(what + " gave way to other transactions: " + e.getMessage(), e);
        }
        return new IllegalStateException(what + " failed: " + e.getMessage(), e);
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<?> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        bind(statement, parameters);
        return statement;
    }

    private static void bind(PreparedStatement statement, List<?> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            statement.setObject(i + 1, value instanceof Instant instant ? dateTime(instant) : value);
        }
    }

    /**
     * An instant as the UTC date and time the columns hold ({@code DATETIME(6)}): for an instant of whole microseconds
     * (every one the clock gives) its text {@code 2026-12-03 07:15:00.123456}, which is what the driver sends for the
     * {@link LocalDateTime} (its prepared statements send each value as a quoted literal in the statement's text), so
     * the database sees the same statement. The driver's own encoding rounds the fraction through {@code BigDecimal} and
     * formats through a {@code DateTimeFormatter}, for every value of every statement: 1.1 % of a purchase's CPU in a
     * profile. Any other instant (a finer fraction, a year outside 1000–9999) goes to the driver as the date and time,
     * rounded there as before.
     */
    static Object dateTime(Instant instant) {
        LocalDateTime time = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        if (time.getNano() % 1_000 != 0 || time.getYear() < 1_000 || time.getYear() > 9_999) {
            return time;
        }
        char[] text = "0000-00-00 00:00:00.000000".toCharArray();
        digits(text, 0, 4, time.getYear());
        digits(text, 5, 2, time.getMonthValue());
        digits(text, 8, 2, time.getDayOfMonth());
        digits(text, 11, 2, time.getHour());
        digits(text, 14, 2, time.getMinute());
        digits(text, 17, 2, time.getSecond());
        digits(text, 20, 6, time.getNano() / 1_000);
        return new String(text);
    }

    private static void digits(char[] text, int at, int width, int value) {
        for (int i = at + width - 1, rest = value; i >= at; i--, rest /= 10) {
            text[i] = (char) ('0' + rest % 10);
        }
    }
}
