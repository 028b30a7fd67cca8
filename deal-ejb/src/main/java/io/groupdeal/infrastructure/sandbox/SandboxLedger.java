package io.groupdeal.infrastructure.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The sandbox's books: {@code sandbox_payment} and {@code sandbox_refund}, written with plain JDBC, each call in a
 * short local transaction of its own on a connection of the sandbox's own pool, so nothing here ever joins or waits
 * for a transaction of the product. The rules are kept by the database, whatever the number of threads or instances:
 * <ul>
 *     <li>one payment per key: the key is a unique key, and an insert that meets it answers the row already there
 *     (two authorises with one key make one payment; a barred key answers its VOIDED row);</li>
 *     <li>capture is AUTHORISED → CAPTURED and cancel AUTHORISED → VOIDED, each one conditional update;</li>
 *     <li>a refund locks its payment's row, is once per (ref, reference) by the primary key of {@code sandbox_refund},
 *     and never brings {@code refunded} above {@code captured}.</li>
 * </ul>
 */
public class SandboxLedger {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "ref, payment_key, token, state, amount, currency, captured, refunded";

    private final DataSource dataSource;
    private final Clock clock;

    public SandboxLedger(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A payment as the ledger holds it; {@code token} is null for a key barred by a cancel. */
    public record Row(
            String ref,
            String key,
            String token,
            String state,
            BigDecimal amount,
            String currency,
            BigDecimal captured,
            BigDecimal refunded) {

        /** Amounts as the ledger stores them (three decimals), so a new payment and a replayed one answer alike. */
        public Row {
            amount = amount.setScale(3, RoundingMode.UNNECESSARY);
            captured = captured.setScale(3, RoundingMode.UNNECESSARY);
            refunded = refunded.setScale(3, RoundingMode.UNNECESSARY);
        }
    }

    /** An answer of the ledger, and whether it is the row an earlier call made ({@code replayed}). */
    public record Outcome(Row payment, boolean replayed) {}

    /** The caller asked for something the payment's state forbids (capture of a voided payment, refund beyond capture). */
    public static class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * Records the outcome {@code state} under the key, with the money it moves ({@code captured} is the amount when
     * CAPTURED), unless the key is known: then the row already there is the answer (no second charge, whatever the
     * token; a barred key answers VOIDED).
     */
    public Outcome authorise(String key, String token, String state, BigDecimal amount, String currency)
            throws SQLException {
        BigDecimal captured = "CAPTURED".equals(state) ? amount : BigDecimal.ZERO;
        Row row = new Row(newRef(), key, token, state, amount, currency, captured, BigDecimal.ZERO);
        // Insert first: a new key (the usual case) costs one statement; a known one meets the unique key.
        if (insert(row)) {
            return new Outcome(row, false);
        }
        return new Outcome(find(key).orElseThrow(() -> new SQLException("payment key vanished: " + key)), true);
    }

    /** The payment made under the key, if any (also a declined, failed or barred one: its state says so). */
    public Optional<Row> find(String key) throws SQLException {
        return one("SELECT " + COLUMNS + " FROM sandbox_payment WHERE payment_key = ?", key);
    }

    /**
     * AUTHORISED → VOIDED; an unseen key gets a VOIDED row without token, which bars it. Any other state stays as it
     * is (a CAPTURED payment is refunded by its owner, not voided). When an authorise inserts the key between the
     * update and the barring insert, the insert meets the unique key and the update runs again on the new row.
     */
    public Row cancel(String key) throws SQLException {
        if (voidAuthorised(key) == 0) {
            Row barred =
                    new Row(newRef(), key, null, "VOIDED", BigDecimal.ZERO, "XXX", BigDecimal.ZERO, BigDecimal.ZERO);
            if (!insert(barred)) {
                voidAuthorised(key);
            }
        }
        return find(key).orElseThrow(() -> new SQLException("payment key vanished: " + key));
    }

    /** AUTHORISED → CAPTURED with the whole amount; a CAPTURED payment answers as it is; others are refused. */
    public Optional<Row> capture(String ref) throws SQLException, Refused {
        Optional<Row> payment;
        try (Connection db = autoCommitting()) {
            update(
                    db,
                    "UPDATE sandbox_payment SET state = 'CAPTURED', captured = amount, updated_at = ? WHERE ref = ?"
                            + " AND state = 'AUTHORISED'",
                    now(),
                    ref);
            payment = one(db, "SELECT " + COLUMNS + " FROM sandbox_payment WHERE ref = ?", ref);
        }
        if (payment.isPresent() && !"CAPTURED".equals(payment.get().state())) {
            throw new Refused("A " + payment.get().state() + " payment cannot be captured.");
        }
        return payment;
    }

    /**
     * Pays back {@code amount} of a captured payment once per {@code reference}: in one transaction that holds the
     * payment's row, so parallel refunds of one payment are decided one after the other. A reference already paid
     * back answers the payment as it is (replayed); a different amount under it, a payment not captured or a total
     * beyond the captured money is refused and changes nothing.
     */
    public Optional<Outcome> refund(String ref, BigDecimal amount, String reference) throws SQLException, Refused {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                Optional<Outcome> outcome = refund(db, ref, amount, reference);
                db.commit();
                return outcome;
            } catch (SQLException | Refused | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        }
    }

    private Optional<Outcome> refund(Connection db, String ref, BigDecimal amount, String reference)
            throws SQLException, Refused {
        Optional<Row> locked = one(db, "SELECT " + COLUMNS + " FROM sandbox_payment WHERE ref = ? FOR UPDATE", ref);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        Row payment = locked.get();
        try (PreparedStatement earlier =
                db.prepareStatement("SELECT amount FROM sandbox_refund WHERE ref = ? AND reference = ?")) {
            earlier.setString(1, ref);
            earlier.setString(2, reference);
            try (ResultSet rows = earlier.executeQuery()) {
                if (rows.next()) {
                    if (rows.getBigDecimal("amount").compareTo(amount) != 0) {
                        throw new Refused("The reference " + reference + " was refunded with another amount.");
                    }
                    return Optional.of(new Outcome(payment, true));
                }
            }
        }
        if (!"CAPTURED".equals(payment.state())) {
            throw new Refused("A " + payment.state() + " payment has no money to refund.");
        }
        if (payment.refunded().add(amount).compareTo(payment.captured()) > 0) {
            throw new Refused("Refunding " + amount.toPlainString() + " would pay back more than was captured ("
                    + payment.captured().toPlainString() + ", refunded "
                    + payment.refunded().toPlainString() + ").");
        }
        update(
                db,
                "INSERT INTO sandbox_refund (ref, reference, amount, created_at) VALUES (?, ?, ?, ?)",
                ref,
                reference,
                amount,
                now());
        update(
                db,
                "UPDATE sandbox_payment SET refunded = refunded + ?, updated_at = ? WHERE ref = ?",
                amount,
                now(),
                ref);
        return Optional.of(new Outcome(
                new Row(
                        payment.ref(),
                        payment.key(),
                        payment.token(),
                        payment.state(),
                        payment.amount(),
                        payment.currency(),
                        payment.captured(),
                        payment.refunded().add(amount)),
                false));
    }

    private int voidAuthorised(String key) throws SQLException {
        try (Connection db = autoCommitting()) {
            return update(
                    db,
                    "UPDATE sandbox_payment SET state = 'VOIDED', updated_at = ? WHERE payment_key = ?"
                            + " AND state = 'AUTHORISED'",
                    now(),
                    key);
        }
    }

    /** Inserts the row; false when its key is taken (by a parallel call or an earlier one). */
    private boolean insert(Row row) throws SQLException {
        Timestamp now = now();
        try (Connection db = autoCommitting()) {
            update(
                    db,
                    "INSERT INTO sandbox_payment (" + COLUMNS
                            + ", created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row.ref(),
                    row.key(),
                    row.token(),
                    row.state(),
                    row.amount(),
                    row.currency(),
                    row.captured(),
                    row.refunded(),
                    now,
                    now);
            return true;
        } catch (SQLIntegrityConstraintViolationException taken) {
            return false;
        }
    }

    private Optional<Row> one(String sql, String parameter) throws SQLException {
        try (Connection db = autoCommitting()) {
            return one(db, sql, parameter);
        }
    }

    /** A connection of the ledger's own pool, each statement its own transaction. */
    private Connection autoCommitting() throws SQLException {
        Connection db = dataSource.getConnection();
        try {
            db.setAutoCommit(true);
        } catch (SQLException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /** One statement with its values in order; answers the rows it changed. */
    private static int update(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static Optional<Row> one(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(
                        rows.getString("ref"),
                        rows.getString("payment_key"),
                        rows.getString("token"),
                        rows.getString("state"),
                        rows.getBigDecimal("amount"),
                        rows.getString("currency"),
                        rows.getBigDecimal("captured"),
                        rows.getBigDecimal("refunded")));
            }
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    /** A provider-style reference: not guessable, not the key. */
    private static String newRef() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "sbx_" + HexFormat.of().formatHex(bytes);
    }
}
