package io.groupdeal.it;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The job that compares the sandbox's ledger (its own tables {@code sandbox_payment} and {@code sandbox_refund},
 * payments keyed by the order's id) with the orders, coupons and stock of the product, by SQL on one database
 * connection. It keeps the ledger-vs-orders invariants of issue 12 (SPEC12), per deal and per order:
 * <ul>
 * <li>{@link Rule#NOTHING_RESERVED}: no order is left {@code RESERVED} (the caller waited for the reconciler);</li>
 * <li>{@link Rule#ONE_PAYMENT}: at most one payment per order (its key is the order's id): nothing charged twice;</li>
 * <li>{@link Rule#CAPTURE_HAS_COUPONS}: every captured payment's order has its coupons;</li>
 * <li>{@link Rule#PENDING_IS_AUTHORISED}: every order with {@code PENDING} coupons has an {@code AUTHORISED} payment
 *     of its amount;</li>
 * <li>{@link Rule#NO_STRAY_AUTHORISATION}: an {@code AUTHORISED} payment belongs to a {@code PENDING} order (none of a
 *     cancelled, declined, confirmed or refunded one: no authorisation left open);</li>
 * <li>{@link Rule#ORDER_MONEY}: an order's money in the ledger (captured - refunded) is its amount when captured
 *     ({@code CONFIRMED}, {@code PARTIALLY_REFUNDED}, {@code REFUNDED}) less the price of its {@code REFUNDED} coupons
 *     and of its {@code VOID} ones (paid back when the deal was cancelled), and nothing otherwise;</li>
 * <li>{@link Rule#DEAL_MONEY}: the same sums per deal;</li>
 * <li>{@link Rule#COUPONS}: an order has as many coupons as its quantity, none when {@code RESERVED},
 *     {@code DECLINED} or {@code CANCELLED} with its stock released (never paid);</li>
 * <li>{@link Rule#STOCK}: {@code deal.sold} is the quantity of the deal's orders whose stock was not released;</li>
 * <li>{@link Rule#OPTION_STOCK}: each option's {@code sold} is the quantity of its orders whose stock was not
 *     released, and every order of the deal bought one of the deal's options;</li>
 * <li>{@link Rule#TIPPED_IS_CAPTURED}: a deal that tipped and whose settlement is done has no order left only
 *     authorised ({@code PENDING}): its money was captured;</li>
 * <li>{@link Rule#REFUNDS_ADD_UP}: a payment's {@code refunded} is the sum of its refunds and never beyond its
 *     {@code captured};</li>
 * <li>{@link Rule#NO_ORPHAN_MONEY} (whole ledger): no approved payment under an order-id-shaped key that names no
 *     order.</li>
 * </ul>
 * It answers every disagreement with its deal and order ids; an empty list means ledger and orders agree. JDBC and
 * the JDK only, so that the fault tests ({@code .ci/Faults.java}) run the very same check on their own database.
 */
public final class LedgerCheck {

    /** The invariants, named in the report. */
    public enum Rule {
        NOTHING_RESERVED,
        ONE_PAYMENT,
        CAPTURE_HAS_COUPONS,
        PENDING_IS_AUTHORISED,
        NO_STRAY_AUTHORISATION,
        ORDER_MONEY,
        DEAL_MONEY,
        COUPONS,
        STOCK,
        TIPPED_IS_CAPTURED,
        REFUNDS_ADD_UP,
        NO_ORPHAN_MONEY,
        OPTION_STOCK
    }

    /** One thing that does not agree: which rule, on which deal and order (null when it is about the deal). */
    public record Disagreement(Rule rule, String dealId, String orderId, String detail) {
        @Override
        public String toString() {
            return rule + " deal " + dealId + (orderId == null ? "" : " order " + orderId) + ": " + detail;
        }
    }

    /** The figures of one deal, for the reader of a report: counts and sums, also when they agree. */
    public record Figures(
            String dealId,
            Map<String, Integer> ordersByStatus,
            int coupons,
            int sold,
            int stockHeld,
            BigDecimal ledgerNet,
            BigDecimal ordersNet) {}

    private static final Set<String> CAPTURED_ORDER = Set.of("CONFIRMED", "PARTIALLY_REFUNDED", "REFUNDED");
    /** The shape of the product's ids (domain.shared.Ids), and so of every key the product pays under. */
    private static final java.util.regex.Pattern ORDER_ID = java.util.regex.Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");

    private final Connection db;
    private final List<Disagreement> disagreements = new ArrayList<>();
    private final List<Figures> figures = new ArrayList<>();

    private LedgerCheck(Connection db) {
        this.db = db;
    }

    /** Checks the deals (and the whole ledger for orphans) on the connection, in what it sees of the database. */
    public static LedgerCheck run(Connection db, Collection<String> dealIds) throws SQLException {
        LedgerCheck check = new LedgerCheck(db);
        for (String dealId : dealIds) {
            check.deal(dealId);
        }
        check.orphans();
        return check;
    }

    public List<Disagreement> disagreements() {
        return List.copyOf(disagreements);
    }

    public List<Figures> figures() {
        return List.copyOf(figures);
    }

    public boolean agrees() {
        return disagreements.isEmpty();
    }

    /** Every disagreement on a line, then the figures of each deal. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(
                disagreements.isEmpty()
                        ? "ledger and orders agree"
                        : disagreements.size() + " disagreements between ledger and orders:");
        disagreements.forEach(d -> out.append("\n  ").append(d));
        figures.forEach(f -> out.append("\n  deal ")
                .append(f.dealId())
                .append(": orders ")
                .append(f.ordersByStatus())
                .append(", coupons ")
                .append(f.coupons())
                .append(", sold ")
                .append(f.sold())
                .append(" (held by orders ")
                .append(f.stockHeld())
                .append("), ledger captured - refunded ")
                .append(f.ledgerNet().toPlainString())
                .append(", orders' money ")
                .append(f.ordersNet().toPlainString()));
        return out.toString();
    }

    // ---- one deal
    // ----------------------------------------------------------------------------------------------------

    private record Order(String id, String status, int quantity, BigDecimal amount, boolean released, boolean paid) {}

    private record Payment(
            String ref,
            String key,
            String state,
            BigDecimal amount,
            BigDecimal captured,
            BigDecimal refunded,
            BigDecimal refunds) {
        BigDecimal net() {
            return captured.subtract(refunded);
        }
    }

    /** Coupons of one order: how many and what they cost, per status. */
    private static final class Coupons {
        final Map<String, Integer> count = new HashMap<>();
        final Map<String, BigDecimal> price = new HashMap<>();

        int total() {
            return count.values().stream().mapToInt(Integer::intValue).sum();
        }

        int of(String status) {
            return count.getOrDefault(status, 0);
        }

        BigDecimal priceOf(String status) {
            return price.getOrDefault(status, BigDecimal.ZERO);
        }
    }

    private void deal(String dealId) throws SQLException {
        List<List<Object>> dealRow = rows(
                "SELECT sold, tenant_id, tipped_at IS NOT NULL AND NOT settlement_due FROM deal" + " WHERE id = ?",
                dealId);
        if (dealRow.isEmpty()) {
            disagree(Rule.STOCK, dealId, null, "no such deal");
            return;
        }
        int sold = ((Number) dealRow.get(0).get(0)).intValue();
        String tenantId = (String) dealRow.get(0).get(1);
        boolean tippedAndSettled = truth(dealRow.get(0).get(2));

        Map<String, Order> orders = new LinkedHashMap<>();
        for (List<Object> r : rows(
                "SELECT id, status, quantity, amount, released_at IS NOT NULL, payment_ref IS NOT NULL"
                        + " FROM purchase_order WHERE tenant_id = ? AND deal_id = ? ORDER BY id",
                tenantId,
                dealId)) {
            orders.put(
                    (String) r.get(0),
                    new Order(
                            (String) r.get(0),
                            (String) r.get(1),
                            ((Number) r.get(2)).intValue(),
                            (BigDecimal) r.get(3),
                            truth(r.get(4)),
                            truth(r.get(5))));
        }
        // a team member's order waits for its team (captured when it fills, voided when it fails), not for the deal
        java.util.Set<String> inOpenTeam = new java.util.HashSet<>();
        for (List<Object> r : rows(
                "SELECT m.order_id FROM team_member m JOIN team t ON t.tenant_id = m.tenant_id"
                        + " AND t.id = m.team_id WHERE m.tenant_id = ? AND m.deal_id = ? AND t.status = 'OPEN'",
                tenantId,
                dealId)) {
            inOpenTeam.add((String) r.get(0));
        }
        Map<String, Coupons> coupons = new HashMap<>();
        for (List<Object> r : rows(
                "SELECT order_id, status, COUNT(*), SUM(price) FROM coupon WHERE tenant_id = ? AND deal_id = ?"
                        + " GROUP BY order_id, status",
                tenantId,
                dealId)) {
            Coupons c = coupons.computeIfAbsent((String) r.get(0), k -> new Coupons());
            c.count.put((String) r.get(1), ((Number) r.get(2)).intValue());
            c.price.put((String) r.get(1), (BigDecimal) r.get(3));
        }
        Map<String, List<Payment>> payments = new HashMap<>();
        // By the order ids as parameters: the sandbox's key column is its own (ascii), not joinable by index.
        List<List<Object>> paymentRows = orders.isEmpty()
                ? List.of()
                : rows(
                        "SELECT p.ref, p.payment_key, p.state, p.amount,"
                                + " p.captured, p.refunded, (SELECT COALESCE(SUM(f.amount), 0) FROM sandbox_refund f WHERE f.ref = p.ref)"
                                + " FROM sandbox_payment p WHERE p.payment_key IN ("
                                + String.join(",", java.util.Collections.nCopies(orders.size(), "?"))
                                + ")",
                        orders.keySet().toArray());
        for (List<Object> r : paymentRows) {
            Payment p = new Payment(
                    (String) r.get(0),
                    (String) r.get(1),
                    (String) r.get(2),
                    decimal(r.get(3)),
                    decimal(r.get(4)),
                    decimal(r.get(5)),
                    decimal(r.get(6)));
            payments.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p);
        }

        Map<String, Integer> byStatus = new java.util.TreeMap<>();
        int couponCount = 0;
        int held = 0;
        BigDecimal ledgerNet = BigDecimal.ZERO;
        BigDecimal ordersNet = BigDecimal.ZERO;
        for (Order o : orders.values()) {
            byStatus.merge(o.status(), 1, Integer::sum);
            Coupons c = coupons.getOrDefault(o.id(), new Coupons());
            List<Payment> ps = payments.getOrDefault(o.id(), List.of());
            couponCount += c.total();
            if (!o.released()) {
                held += o.quantity();
            }
            BigDecimal expected = CAPTURED_ORDER.contains(o.status())
                    ? o.amount().subtract(c.priceOf("REFUNDED")).subtract(c.priceOf("VOID"))
                    : BigDecimal.ZERO;
            BigDecimal actual = ps.stream().map(Payment::net).reduce(BigDecimal.ZERO, BigDecimal::add);
            ordersNet = ordersNet.add(expected);
            ledgerNet = ledgerNet.add(actual);
            order(dealId, o, c, ps, expected, actual);
            if (tippedAndSettled && "PENDING".equals(o.status()) && !inOpenTeam.contains(o.id())) {
                disagree(
                        Rule.TIPPED_IS_CAPTURED,
                        dealId,
                        o.id(),
                        "the deal tipped and was settled, the order is still PENDING" + " (only authorised)");
            }
        }
        if (sold != held) {
            disagree(
                    Rule.STOCK,
                    dealId,
                    null,
                    "deal.sold is " + sold + " but its orders whose stock was not released hold " + held);
        }
        for (List<Object> option : rows(
                "SELECT x.id, x.sold, COALESCE((SELECT SUM(o.quantity) FROM purchase_order o"
                        + " WHERE o.tenant_id = x.tenant_id AND o.deal_id = x.deal_id AND o.option_id = x.id AND o.released_at IS NULL), 0)"
                        + " FROM deal_option x WHERE x.deal_id = ?",
                dealId)) {
            int optionSold = ((Number) option.get(1)).intValue();
            int optionHeld = ((Number) option.get(2)).intValue();
            if (optionSold != optionHeld) {
                disagree(
                        Rule.OPTION_STOCK,
                        dealId,
                        null,
                        "option " + option.get(0) + " has sold " + optionSold
                                + " but its orders whose stock was not released hold " + optionHeld);
            }
        }
        for (List<Object> stray : rows(
                "SELECT o.id FROM purchase_order o WHERE o.deal_id = ? AND NOT EXISTS (SELECT 1"
                        + " FROM deal_option x WHERE x.tenant_id = o.tenant_id AND x.deal_id = o.deal_id AND x.id = o.option_id)",
                dealId)) {
            disagree(Rule.OPTION_STOCK, dealId, (String) stray.get(0), "the order bought no option of its deal");
        }
        if (ledgerNet.compareTo(ordersNet) != 0) {
            disagree(
                    Rule.DEAL_MONEY,
                    dealId,
                    null,
                    "the ledger holds " + ledgerNet.toPlainString()
                            + " (captured - refunded under the deal's order ids) but the orders' money is "
                            + ordersNet.toPlainString());
        }
        figures.add(new Figures(dealId, byStatus, couponCount, sold, held, ledgerNet, ordersNet));
    }

    private void order(String dealId, Order o, Coupons c, List<Payment> ps, BigDecimal expected, BigDecimal actual) {
        String id = o.id();
        if ("RESERVED".equals(o.status())) {
            disagree(Rule.NOTHING_RESERVED, dealId, id, "still RESERVED after the reconciler's pass");
        }
        if (ps.size() > 1) {
            disagree(
                    Rule.ONE_PAYMENT,
                    dealId,
                    id,
                    ps.size() + " payments under its key: "
                            + ps.stream().map(Payment::ref).toList());
        }
        for (Payment p : ps) {
            if ("CAPTURED".equals(p.state()) && c.total() == 0) {
                disagree(
                        Rule.CAPTURE_HAS_COUPONS,
                        dealId,
                        id,
                        "payment " + p.ref() + " captured " + p.captured().toPlainString() + " but the order ("
                                + o.status() + ") has no coupon");
            }
            if ("AUTHORISED".equals(p.state()) && !"PENDING".equals(o.status())) {
                disagree(
                        Rule.NO_STRAY_AUTHORISATION,
                        dealId,
                        id,
                        "payment " + p.ref() + " is still AUTHORISED but the order is " + o.status());
            }
            if (p.refunded().compareTo(p.refunds()) != 0 || p.refunded().compareTo(p.captured()) > 0) {
                disagree(
                        Rule.REFUNDS_ADD_UP,
                        dealId,
                        id,
                        "payment " + p.ref() + " captured " + p.captured().toPlainString() + ", refunded "
                                + p.refunded().toPlainString() + ", its refunds add up to "
                                + p.refunds().toPlainString());
            }
        }
        if (c.of("PENDING") > 0 || "PENDING".equals(o.status())) {
            boolean authorised = ps.stream()
                    .anyMatch(p -> "AUTHORISED".equals(p.state()) && p.amount().compareTo(o.amount()) == 0);
            if (!authorised) {
                disagree(
                        Rule.PENDING_IS_AUTHORISED,
                        dealId,
                        id,
                        "order " + o.status() + " with " + c.of("PENDING")
                                + " PENDING coupons has no AUTHORISED payment of "
                                + o.amount().toPlainString() + "; the ledger has "
                                + ps.stream()
                                        .map(p -> p.state() + " " + p.amount().toPlainString())
                                        .toList());
            }
        }
        if (expected.compareTo(actual) != 0) {
            disagree(
                    Rule.ORDER_MONEY,
                    dealId,
                    id,
                    "order " + o.status() + " of " + o.amount().toPlainString() + " should hold "
                            + expected.toPlainString() + " in the ledger (captured - refunded), the ledger has "
                            + actual.toPlainString());
        }
        boolean unpaid = "RESERVED".equals(o.status())
                || "DECLINED".equals(o.status())
                // a failed team's order was paid (authorised, then voided) and its stock released: it keeps VOID
                // coupons
                || ("CANCELLED".equals(o.status()) && o.released() && !o.paid());
        int wanted = unpaid ? 0 : o.quantity();
        if (c.total() != wanted) {
            disagree(
                    Rule.COUPONS,
                    dealId,
                    id,
                    "order " + o.status() + (o.released() ? " (released)" : "") + " of quantity " + o.quantity()
                            + " should have " + wanted + " coupons, has " + c.total() + " " + c.count);
        }
    }

    /**
     * Money held or charged under a key that is no order's id: charged with no order (whole ledger). Compared here, not
     * joined in SQL: purchase_order has no index on its id alone. Only keys shaped like the product's ids count: the
     * product pays under nothing else, and tests that drive the sandbox directly (SandboxGatewayIT) use other keys.
     */
    private void orphans() throws SQLException {
        Set<String> orderIds = new java.util.HashSet<>();
        for (List<Object> r : rows("SELECT id FROM purchase_order")) {
            orderIds.add((String) r.get(0));
        }
        for (List<Object> r :
                rows("SELECT p.ref, p.payment_key, p.state, p.captured - p.refunded FROM sandbox_payment p"
                        + " WHERE p.state = 'AUTHORISED' OR p.captured > p.refunded")) {
            if (orderIds.contains((String) r.get(1))
                    || !ORDER_ID.matcher((String) r.get(1)).matches()) {
                continue;
            }
            disagree(
                    Rule.NO_ORPHAN_MONEY,
                    null,
                    null,
                    "payment " + r.get(0) + " under key " + r.get(1) + " is " + r.get(2) + " (holding "
                            + decimal(r.get(3)).toPlainString() + ") but no order has that id");
        }
    }

    private void disagree(Rule rule, String dealId, String orderId, String detail) {
        disagreements.add(new Disagreement(rule, dealId, orderId, detail));
    }

    private List<List<Object>> rows(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<List<Object>> out = new ArrayList<>();
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(rows.getObject(c));
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    private static boolean truth(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    // ---- settling --------------------------------------------------------------------------------------------------

    /**
     * What is still moving among the deals: RESERVED orders (the reconciler settles them), payment tasks still due
     * (capture, void, refund after a commit) and deals whose settlement (capture or void of their authorised orders
     * after a tip, a failure or a cancellation) is due. The check is meaningful only once this is 0.
     */
    public static int unsettled(Connection db, Collection<String> dealIds) throws SQLException {
        if (dealIds.isEmpty()) {
            return 0;
        }
        String in = String.join(",", java.util.Collections.nCopies(dealIds.size(), "?"));
        LedgerCheck check = new LedgerCheck(db);
        Object[] ids = dealIds.toArray();
        int reserved = ((Number) check.rows(
                                "SELECT COUNT(*) FROM purchase_order WHERE status = 'RESERVED' AND deal_id IN (" + in
                                        + ")",
                                ids)
                        .get(0)
                        .get(0))
                .intValue();
        int tasks = ((Number) check.rows(
                                "SELECT COUNT(*) FROM payment_task t WHERE t.status = 'DUE' AND EXISTS (SELECT 1"
                                        + " FROM purchase_order o WHERE o.tenant_id = t.tenant_id AND o.id = t.order_id AND o.deal_id IN ("
                                        + in + "))",
                                ids)
                        .get(0)
                        .get(0))
                .intValue();
        int settling = ((Number)
                        check.rows("SELECT COUNT(*) FROM deal WHERE settlement_due AND id IN (" + in + ")", ids)
                                .get(0)
                                .get(0))
                .intValue();
        int teams = ((Number) check.rows(
                                "SELECT COUNT(*) FROM team WHERE deal_id IN (" + in + ") AND ((status = 'OPEN'"
                                        + " AND expires_at <= UTC_TIMESTAMP(6)) OR (status <> 'OPEN' AND NOT settled))",
                                ids)
                        .get(0)
                        .get(0))
                .intValue();
        return reserved + tasks + settling + teams;
    }
}
