package io.groupdeal.it.script;

import io.groupdeal.it.LedgerCheck;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** The driver programs' reads of the product's database, and the buyers they make in it. */
public final class Sql {

    private Sql() {}

    /** The number the query answers (its first column of its first row). */
    public static long count(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement p = prepared(db, sql, parameters);
                ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The text the query answers (its first column of its first row), or null when it finds no row. */
    public static String text(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement p = prepared(db, sql, parameters);
                ResultSet r = p.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        }
    }

    /**
     * Waits up to {@code boundSeconds} until the reconciler and the payment task job have settled every order of the
     * deals ({@link LedgerCheck#unsettled}); answers how many are still open (0: all settled).
     */
    public static int unsettledAfter(Connection db, List<String> deals, int boundSeconds)
            throws SQLException, InterruptedException {
        int open = LedgerCheck.unsettled(db, deals);
        for (int i = 0; i < boundSeconds * 2 && open > 0; i++) {
            Thread.sleep(500);
            open = LedgerCheck.unsettled(db, deals);
        }
        return open;
    }

    private static PreparedStatement prepared(Connection db, String sql, Object... parameters) throws SQLException {
        PreparedStatement p = db.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            p.setObject(i + 1, parameters[i]);
        }
        return p;
    }

    /**
     * {@code count} buyers made in the database, for a load of many buyers: as many slow password hashes (sign-up and
     * login) would take minutes on two cores, and the programs test purchases. Each is a BUYER account with the
     * template buyer's password hash, its id starting with {@code idPrefix} (six letters), its address
     * {@code name-i-run@domain}, and a bearer token stored as the product stores it (SHA-256, hex) valid for
     * {@code hours}. Answers the tokens; the caller commits.
     */
    public static List<String> buyers(
            Connection db, String template, String idPrefix, String name, String domain, int hours, int count)
            throws Exception {
        String run = Long.toString(System.nanoTime(), 36).toUpperCase();
        SecureRandom random = new SecureRandom();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = (idPrefix + run + String.format("%05d", i) + "0000000000").substring(0, 26);
            try (PreparedStatement p = db.prepareStatement("INSERT INTO account (id, email, name, password_hash, role,"
                    + " tenant_id, created_at) SELECT ?, ?, ?, password_hash, 'BUYER', NULL, UTC_TIMESTAMP(6)"
                    + " FROM account WHERE id = ?")) {
                p.setString(1, id);
                p.setString(2, name.toLowerCase() + "-" + i + "-" + run.toLowerCase() + "@" + domain);
                p.setString(3, name + " Buyer " + i);
                p.setString(4, template);
                if (p.executeUpdate() != 1) {
                    throw new IllegalStateException("no template buyer " + template);
                }
            }
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try (PreparedStatement p = db.prepareStatement("INSERT INTO access_token (token_hash, account_id,"
                    + " created_at, expires_at) VALUES (?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL ? HOUR)")) {
                p.setString(
                        1,
                        HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256")
                                        .digest(token.getBytes(StandardCharsets.UTF_8))));
                p.setString(2, id);
                p.setInt(3, hours);
                p.executeUpdate();
            }
            tokens.add(token);
        }
        return tokens;
    }
}
