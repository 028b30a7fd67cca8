package io.groupdeal.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * How a statement of its own treats the connection the pool hands it, and what a transaction of its own sends (fakes of
 * JDBC's interfaces, no database).
 */
class NativeSqlTest {

    /** What a statement outside any transaction does with a connection in autocommit. */
    private static final List<String> STATEMENT_OF_ITS_OWN =
            List.of("getConnection", "getAutoCommit", "prepareStatement", "executeUpdate", "close statement", "close");

    private final List<String> calls = new ArrayList<>();
    private boolean autoCommit;

    @Test
    void anInstantOfWholeMicrosecondsIsBoundAsTheTextOfItsUtcDateAndTime() {
        DateTimeFormatter columns = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
        for (String at : List.of(
                "2026-12-03T07:15:00.123456Z",
                "2026-01-09T00:00:00Z",
                "2026-12-31T23:59:59.999999Z",
                "1970-01-01T00:00:00.000001Z",
                "1000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.5Z")) {
            Instant instant = Instant.parse(at);
            assertEquals(
                    LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(columns), NativeSql.dateTime(instant), at);
        }
        assertEquals("2026-12-03 07:15:00.000000", NativeSql.dateTime(Instant.parse("2026-12-03T08:15:00+01:00")));
    }

    @Test
    void anyOtherInstantGoesToTheDriverAsItsUtcDateAndTime() {
        for (String at : List.of("2026-12-03T07:15:00.123456789Z", "0999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z")) {
            Instant instant = Instant.parse(at);
            assertEquals(LocalDateTime.ofInstant(instant, ZoneOffset.UTC), NativeSql.dateTime(instant), at);
        }
    }

    @Test
    void outsideAnyTransactionAConnectionLeftInsideOneIsRolledBackAndPutInAutocommitBeforeTheStatement()
            throws Exception {
        autoCommit = false;
        NativeSql sql = nativeSql(Status.STATUS_NO_TRANSACTION);

        assertEquals(1, sql.update("UPDATE mail_outbox SET attempts = attempts + 1 WHERE id = ?", List.of("m1")));

        assertEquals(
                List.of(
                        "getConnection",
                        "getAutoCommit",
                        "rollback",
                        "setAutoCommit true",
                        "prepareStatement",
                        "executeUpdate",
                        "close statement",
                        "close"),
                calls);
    }

    @Test
    void aConnectionInAutocommitIsUsedAsItIs() throws Exception {
        autoCommit = true;
        NativeSql sql = nativeSql(Status.STATUS_NO_TRANSACTION);

        sql.update("UPDATE mail_outbox SET status = 'SENT' WHERE id = ?", List.of("m1"));

        assertEquals(STATEMENT_OF_ITS_OWN, calls);
    }

    @Test
    void aConnectionEnlistedInTheCallersTransactionMarkedForRollbackIsLeftAsItIs() throws Exception {
        autoCommit = false;
        NativeSql sql = nativeSql(Status.STATUS_MARKED_ROLLBACK);

        sql.update("UPDATE mail_outbox SET status = 'SENT' WHERE id = ?", List.of("m1"));

        assertEquals(List.of("getConnection", "prepareStatement", "executeUpdate", "close statement", "close"), calls);
    }

    @Test
    void aTransactionOfItsOwnRunsItsStatementsOnOneConnectionBetweenStartAndCommit() throws Exception {
        autoCommit = true;
        NativeSql sql = nativeSql(Status.STATUS_NO_TRANSACTION);

        String result = sql.transaction(() -> {
            sql.update("UPDATE coupon SET status = 'REDEEMED' WHERE id = ?", List.of("c1"));
            sql.update("INSERT INTO redemption_event (id) VALUES (?)", List.of("r1"));
            return "done";
        });

        assertEquals("done", result);
        assertEquals(transactionOf(2, "COMMIT"), calls);
        calls.clear();
        sql.update("UPDATE coupon SET status = 'ACTIVE' WHERE id = ?", List.of("c1"));
        assertEquals(STATEMENT_OF_ITS_OWN, calls, "after it, a statement takes a connection of its own again");
    }

    @Test
    void aTransactionOfItsOwnWhoseWorkFailsIsRolledBackAndTheFailureGoesOn() throws Exception {
        autoCommit = true;
        NativeSql sql = nativeSql(Status.STATUS_NO_TRANSACTION);
        IllegalArgumentException failure = new IllegalArgumentException("the key was used meanwhile");

        IllegalArgumentException thrown = assertThrows(
                IllegalArgumentException.class,
                () -> sql.transaction(() -> {
                    sql.update("UPDATE coupon SET status = 'REDEEMED' WHERE id = ?", List.of("c1"));
                    throw failure;
                }));

        assertSame(failure, thrown);
        assertEquals(transactionOf(1, "ROLLBACK"), calls);
    }

    @Test
    void aTransactionOfItsOwnIsRefusedInsideAJtaTransactionAndInsideAnother() throws Exception {
        NativeSql inJta = nativeSql(Status.STATUS_ACTIVE);
        assertThrows(IllegalStateException.class, () -> inJta.transaction(() -> "never"));
        assertEquals(List.of(), calls, "no connection taken");

        autoCommit = true;
        NativeSql sql = nativeSql(Status.STATUS_NO_TRANSACTION);
        assertThrows(IllegalStateException.class, () -> sql.transaction(() -> sql.transaction(() -> "never")));
        assertEquals("ROLLBACK", calls.get(calls.size() - 3), "the outer one rolled back: " + calls);
    }

    /** What a transaction of its own does: START TRANSACTION, {@code statements} updates, then {@code end}. */
    private static List<String> transactionOf(int statements, String end) {
        List<String> expected = new ArrayList<>(List.of("getConnection", "getAutoCommit", "START TRANSACTION"));
        for (int i = 0; i < statements; i++) {
            expected.addAll(List.of("prepareStatement", "executeUpdate", "close statement"));
        }
        expected.addAll(List.of(end, "close control", "close"));
        return expected;
    }

    private NativeSql nativeSql(int status) throws ReflectiveOperationException {
        NativeSql sql = new NativeSql();
        set(sql, "dataSource", fake(DataSource.class, (name, args) -> {
            if (name.equals("getConnection")) {
                calls.add(name);
                return connection();
            }
            return null;
        }));
        set(
                sql,
                "transactions",
                fake(
                        TransactionSynchronizationRegistry.class,
                        (name, args) -> name.equals("getTransactionStatus") ? status : null));
        return sql;
    }

    private Connection connection() {
        return fake(Connection.class, (name, args) -> switch (name) {
            case "getAutoCommit" -> {
                calls.add(name);
                yield autoCommit;
            }
            case "setAutoCommit" -> {
                calls.add(name + " " + args[0]);
                autoCommit = (Boolean) args[0];
                yield null;
            }
            case "prepareStatement" -> {
                calls.add(name);
                yield statement();
            }
            case "createStatement" -> control();
            default -> {
                calls.add(name);
                yield null;
            }
        });
    }

    private PreparedStatement statement() {
        return fake(PreparedStatement.class, (name, args) -> switch (name) {
            case "executeUpdate" -> {
                calls.add(name);
                yield 1;
            }
            case "close" -> {
                calls.add("close statement");
                yield null;
            }
            default -> null;
        });
    }

    /** The statement a transaction of its own sends START TRANSACTION, COMMIT and ROLLBACK on. */
    private Statement control() {
        return fake(Statement.class, (name, args) -> switch (name) {
            case "execute" -> {
                calls.add((String) args[0]);
                yield false;
            }
            case "close" -> {
                calls.add("close control");
                yield null;
            }
            default -> null;
        });
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T fake(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(
                NativeSqlTest.class.getClassLoader(),
                new Class<?>[] {type},
                (proxy, method, args) -> answer.answer(method.getName(), args)));
    }

    private static void set(NativeSql sql, String field, Object value) throws ReflectiveOperationException {
        Field f = NativeSql.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(sql, value);
    }
}
