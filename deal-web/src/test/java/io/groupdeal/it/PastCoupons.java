package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.groupdeal.devserver.ItDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Plays time passing for coupons (what a buyer bought or redeemed days ago) by SQL, as the product would have written
 * it then: the hours each coupon counts in for the dashboard, before and after, are marked stale in the same
 * transaction, the rule every change of a coupon keeps (StaleHours). Without the marks an hour the summary job built
 * already would keep its old figures.
 */
final class PastCoupons {

    private PastCoupons() {}

    /** Sets the coupons' {@code column} (created_at or redeemed_at) to {@code at}. */
    static void move(String tenant, String column, Instant at, List<String> codes) throws SQLException {
        move(tenant, column, LocalDateTime.ofInstant(at, ZoneOffset.UTC), codes);
    }

    static void move(String tenant, String column, Object at, List<String> codes) throws SQLException {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            for (String code : codes) {
                mark(db, tenant, code);
                assertEquals(
                        1,
                        execute(
                                db,
                                "UPDATE coupon SET " + column
                                        + " = ? WHERE tenant_id = ? AND code = REPLACE(?, '-', '')"
                                        + ("redeemed_at".equals(column) ? " AND status = 'REDEEMED'" : ""),
                                at,
                                tenant,
                                code));
                mark(db, tenant, code);
            }
            db.commit();
        }
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty(ItDatabase.URL_PROPERTY), "deal", "deal");
    }

    /** Marks the hours of the tenant's coupon with this code as StaleHours does, in the transaction of {@code db}; the mark's id. */
    static String mark(Connection db, String tenant, String code) throws SQLException {
        String id = newId();
        String where = " WHERE tenant_id = ? AND code = REPLACE(?, '-', '')";
        execute(
                db,
                "INSERT INTO dashboard_stale_hour (tenant_id, hour, id) SELECT tenant_id, created_quarter DIV 4, ? FROM coupon"
                        + where + " UNION SELECT tenant_id, redeemed_quarter DIV 4, ? FROM coupon" + where
                        + " AND redeemed_quarter IS NOT NULL",
                id,
                tenant,
                code,
                id,
                tenant,
                code);
        return id;
    }

    static String newId() {
        return ("IT" + UUID.randomUUID().toString().replace("-", ""))
                .toUpperCase()
                .substring(0, 26);
    }

    static int execute(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
