package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.it.LedgerCheck.Rule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A check that cannot fail is worthless: {@link LedgerCheck} on real orders of every kind agrees, and each kind of
 * disagreement, made by one deliberate corruption of the ledger or the orders, is reported with its rule and the
 * deal's or order's id. Each corruption is made in a transaction that is rolled back: the check reads it on the same
 * connection, the server and the other classes never see it.
 */
@ExtendWith(LedgerAgrees.class)
// Alongside other test classes (see deal-web's POM); its own tests one after another.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("LedgerCheckIT")
class LedgerCheckIT extends DeployedApp {

    private Connection db;
    private String confirmedDeal;
    private String confirmedOrder;
    private String pendingDeal;
    private String pendingOrder;
    private String declinedDeal;
    private String declinedOrder;

    @Test
    void reportsEveryKindOfDisagreementWithItsIds() throws Exception {
        Fixtures.Merchant merchant = fixtures.merchantWithStore("Ledger Larder");
        Fixtures.Person buyer = fixtures.buyer();
        confirmedDeal = buying.dealIdOnSale(merchant, "Ledger Lentils", d -> d.add("minBuyers", 1));
        pendingDeal = buying.dealIdOnSale(merchant, "Ledger Leeks", d -> d.add("minBuyers", 100));
        declinedDeal = buying.dealIdOnSale(merchant, "Ledger Limes", d -> d.add("maxQuantity", 5));

        Reply bought = buying.buy(buyer, confirmedDeal, 3);
        assertEquals(201, bought.status(), bought::toString);
        confirmedOrder = bought.json().getString("id");
        // The first order tips the deal; its capture is a payment task carried out just after.
        var confirmed = buying.awaitOrder(buyer, confirmedOrder, "CONFIRMED", 30);
        assertEquals("CONFIRMED", confirmed.getString("status"), confirmed::toString);
        String code = confirmed.getJsonArray("coupons").getJsonObject(0).getString("code");
        assertEquals(
                200,
                http.post("api/v1/coupons/" + code + "/refund", null, buyer.token())
                        .status(),
                "one coupon refunded");
        Reply pending = buying.buy(buyer, pendingDeal, 2);
        assertEquals("PENDING", pending.json().getString("status"), pending::toString);
        pendingOrder = pending.json().getString("id");
        String key = UUID.randomUUID().toString();
        assertEquals(
                402,
                http.order(Buying.order(declinedDeal, 1, "tok_declined"), buyer.token(), key)
                        .status());
        declinedOrder = Buying.query(
                        "SELECT order_id FROM order_request WHERE buyer_id = ? AND idempotency_key = ?",
                        buyer.id(),
                        key)
                .get(0)
                .get(0);

        try (Connection connection = LedgerAgrees.connect()) {
            db = connection;
            List<String> deals = List.of(confirmedDeal, pendingDeal, declinedDeal);
            assertEquals(0, LedgerAgrees.settle(db, deals, Duration.ofSeconds(60)), "the refund's payment task ran");
            LedgerCheck clean = LedgerCheck.run(db, deals);
            assertTrue(clean.agrees(), clean::report);
            assertEquals(
                    0,
                    new java.math.BigDecimal("39.80")
                            .compareTo(clean.figures().get(0).ledgerNet()),
                    "3 x 19.90 captured, one coupon refunded: " + clean.report());

            db.setAutoCommit(false);
            Object[] confirmedMoneyOff = {Rule.ORDER_MONEY, confirmedOrder, Rule.DEAL_MONEY, confirmedDeal};
            corrupt(
                    "a second CAPTURED payment under the order's key (charged twice)",
                    this::secondCapture,
                    Rule.ONE_PAYMENT,
                    confirmedOrder);
            corrupt(
                    "the declined order's key charged",
                    () -> capture(declinedOrder),
                    Rule.CAPTURE_HAS_COUPONS,
                    declinedOrder,
                    Rule.ORDER_MONEY,
                    declinedOrder,
                    Rule.DEAL_MONEY,
                    declinedDeal);
            corrupt(
                    "a capture whose coupons are gone",
                    () -> update("DELETE FROM coupon WHERE order_id = ?", confirmedOrder),
                    Rule.CAPTURE_HAS_COUPONS,
                    confirmedOrder,
                    Rule.COUPONS,
                    confirmedOrder);
            corrupt(
                    "one coupon less than bought",
                    () -> update(
                            "DELETE FROM coupon WHERE order_id = ? AND status = 'ACTIVE'" + " LIMIT 1", confirmedOrder),
                    Rule.COUPONS,
                    confirmedOrder);
            corrupt(
                    "a pending order whose authorisation was voided",
                    () -> update(
                            "UPDATE sandbox_payment SET state = 'VOIDED'" + " WHERE payment_key = ?", pendingOrder),
                    Rule.PENDING_IS_AUTHORISED,
                    pendingOrder);
            corrupt(
                    "an authorisation left open on a cancelled order",
                    () -> update("UPDATE purchase_order SET status =" + " 'CANCELLED' WHERE id = ?", pendingOrder),
                    Rule.NO_STRAY_AUTHORISATION,
                    pendingOrder);
            corrupt(
                    "a cent more captured than the order's money",
                    () -> update(
                            "UPDATE sandbox_payment SET captured =" + " captured + 0.01 WHERE payment_key = ?",
                            confirmedOrder),
                    confirmedMoneyOff);
            corrupt(
                    "a refund not paid out",
                    () -> update(
                            "UPDATE sandbox_refund SET amount = 0 WHERE ref ="
                                    + " (SELECT ref FROM sandbox_payment WHERE payment_key = ?)",
                            confirmedOrder),
                    Rule.REFUNDS_ADD_UP,
                    confirmedOrder);
            corrupt(
                    "a coupon refunded without its money",
                    () -> update(
                            "UPDATE coupon SET status = 'REFUNDED' WHERE order_id = ?"
                                    + " AND status = 'ACTIVE' LIMIT 1",
                            confirmedOrder),
                    confirmedMoneyOff);
            corrupt(
                    "stock sold that no order holds",
                    () -> update("UPDATE deal SET sold = sold + 1 WHERE id = ?", confirmedDeal),
                    Rule.STOCK,
                    confirmedDeal);
            corrupt(
                    "an option's stock sold that no order holds",
                    () -> update("UPDATE deal_option SET sold = sold + 1" + " WHERE deal_id = ?", confirmedDeal),
                    Rule.OPTION_STOCK,
                    confirmedDeal);
            corrupt(
                    "a declined order whose stock was never released",
                    () -> update("UPDATE purchase_order SET released_at = NULL" + " WHERE id = ?", declinedOrder),
                    Rule.STOCK,
                    declinedDeal,
                    Rule.OPTION_STOCK,
                    declinedDeal);
            corrupt(
                    "a tipped deal whose order was never captured",
                    () -> update("UPDATE deal SET tipped_at = UTC_TIMESTAMP(6)" + " WHERE id = ?", pendingDeal),
                    Rule.TIPPED_IS_CAPTURED,
                    pendingOrder);
            corrupt(
                    "an order left RESERVED",
                    () -> update("UPDATE purchase_order SET status = 'RESERVED' WHERE id = ?", declinedOrder),
                    Rule.NOTHING_RESERVED,
                    declinedOrder);
            corrupt("money charged under a key that is no order", this::orphan, Rule.NO_ORPHAN_MONEY, null);
        }
    }

    private interface Corruption {
        void apply() throws SQLException;
    }

    /** Applies the corruption, checks that each named rule is reported with its id (deal or order), rolls it back. */
    private void corrupt(String what, Corruption corruption, Object... expected) throws SQLException {
        try {
            try {
                corruption.apply();
            } catch (DuplicateRefused enforced) {
                System.out.println(
                        what + ": impossible, the sandbox's unique key refuses it (" + enforced.getCause() + ")");
                return;
            }
            LedgerCheck check = LedgerCheck.run(db, List.of(confirmedDeal, pendingDeal, declinedDeal));
            for (int i = 0; i < expected.length; i += 2) {
                Rule rule = (Rule) expected[i];
                String id = (String) expected[i + 1];
                assertTrue(
                        check.disagreements().stream()
                                        .anyMatch(d -> d.rule() == rule
                                                && (id == null
                                                        || id.equals(d.orderId())
                                                        || (d.orderId() == null && id.equals(d.dealId()))))
                                && check.report().contains(rule.name()),
                        what + ": " + rule + (id == null ? "" : " of " + id) + " expected in " + check.report());
            }
        } finally {
            db.rollback();
        }
        assertTrue(
                LedgerCheck.run(db, List.of(confirmedDeal, pendingDeal, declinedDeal))
                        .agrees(),
                "rolled back: " + what);
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            assertTrue(statement.executeUpdate() > 0, "the corruption changed a row: " + sql);
        }
    }

    /** The declined order's key gets money: its payment row captured (or a captured copy when it has none). */
    private void capture(String orderId) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT COUNT(*) FROM sandbox_payment WHERE payment_key = ?")) {
            p.setString(1, orderId);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                if (r.getInt(1) > 0) {
                    update(
                            "UPDATE sandbox_payment SET state = 'CAPTURED', captured = amount WHERE payment_key = ?",
                            orderId);
                    return;
                }
            }
        }
        copyPayment(confirmedOrder, "'" + orderId + "'");
        update("UPDATE sandbox_payment SET refunded = 0 WHERE payment_key = ?", orderId);
    }

    /**
     * A second payment under the confirmed order's key (a fresh ref). When the sandbox's schema refuses two payments
     * under one key, "charged twice" cannot happen at all: the refusal as a duplicate key is asserted instead.
     */
    private void secondCapture() throws SQLException {
        try {
            copyPayment(confirmedOrder, "payment_key");
        } catch (SQLException refused) {
            assertTrue(
                    refused.getSQLState() != null && refused.getSQLState().startsWith("23"),
                    "only a duplicate key may refuse the copy: " + refused);
            throw new DuplicateRefused(refused);
        }
    }

    /** The confirmed payment copied under another key that is no order's id. */
    private void orphan() throws SQLException {
        copyPayment(confirmedOrder, "'" + io.groupdeal.domain.shared.Ids.newId() + "'");
    }

    /** Copies the payment of the order under {@code keyExpression}, with a fresh ref (every column kept otherwise). */
    private void copyPayment(String orderId, String keyExpression) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("SELECT * FROM sandbox_payment WHERE 1 = 0")) {
            for (int c = 1; c <= r.getMetaData().getColumnCount(); c++) {
                columns.add(r.getMetaData().getColumnName(c));
            }
        }
        List<String> values = columns.stream()
                .map(c -> switch (c.toLowerCase()) {
                    case "ref" -> "CONCAT('copy-', LEFT(ref, 20))";
                    case "payment_key" -> keyExpression;
                    case "id" -> "NULL";
                    default -> c;
                })
                .toList();
        update(
                "INSERT INTO sandbox_payment (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
                        + " FROM sandbox_payment WHERE payment_key = ?",
                orderId);
    }

    private static final class DuplicateRefused extends SQLException {
        DuplicateRefused(SQLException cause) {
            super(cause);
        }
    }
}
