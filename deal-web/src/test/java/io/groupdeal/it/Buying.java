package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.devserver.ItDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** What the buying ITs share: a deal on sale, orders, many requests at once, and a look into the payment sandbox's books. */
record Buying(Http http, Fixtures fixtures) {

    /** A published deal of the merchant, on sale from an hour ago for a day, changed by {@code terms} first. */
    JsonObject dealOnSale(Fixtures.Merchant merchant, String title, Consumer<JsonObjectBuilder> terms) {
        Instant now = Instant.now();
        JsonObjectBuilder body = Fixtures.deal(title, now.minusSeconds(3600), now.plus(Duration.ofDays(1)), List.of());
        terms.accept(body);
        String id = fixtures.newDeal(merchant.token(), body).getString("id");
        JsonObject published = fixtures.publish(merchant.token(), id);
        assertEquals("ON_SALE", published.getString("status"), published::toString);
        return published;
    }

    /** {@link #dealOnSale}: its id. */
    String dealIdOnSale(Fixtures.Merchant merchant, String title, Consumer<JsonObjectBuilder> terms) {
        return dealOnSale(merchant, title, terms).getString("id");
    }

    /** A published deal of the merchant on sale at that one store only, from an hour ago for a day: its id. */
    String dealOnSaleAt(Fixtures.Merchant merchant, String title, String storeId) {
        return dealIdOnSale(
                merchant,
                title,
                d -> d.add("storeIds", Json.createArrayBuilder().add(storeId)));
    }

    static String order(String dealId, int quantity, String paymentToken) {
        return Json.createObjectBuilder()
                .add("dealId", dealId)
                .add("quantity", quantity)
                .add("paymentToken", paymentToken)
                .build()
                .toString();
    }

    Reply buy(Fixtures.Person buyer, String dealId, int quantity) {
        return http.order(
                order(dealId, quantity, "tok_ok"),
                buyer.token(),
                UUID.randomUUID().toString());
    }

    /** Runs every call at once on {@code threads} threads and answers the results in the calls' order. */
    static <T> List<T> inParallel(int threads, List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = pool.invokeAll(calls);
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Counts the replies of a rush by their status, after checking that each 409 among them is refused for one of the
     * {@code conflicts} and no other reason.
     */
    static Map<Integer, Long> byStatus(List<Reply> replies, Set<String> conflicts) {
        replies.stream()
                .filter(r -> r.status() == 409)
                .forEach(r -> assertTrue(conflicts.contains(r.problem()), r::toString));
        return replies.stream().collect(Collectors.groupingBy(Reply::status, Collectors.counting()));
    }

    /** Rows of a query on the test database (the product's own tables), as strings. */
    static List<List<String>> query(String sql, Object... parameters) throws SQLException {
        try (Connection db = DriverManager.getConnection(System.getProperty(ItDatabase.URL_PROPERTY), "deal", "deal");
                PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<List<String>> out = new ArrayList<>();
                while (rows.next()) {
                    List<String> row = new ArrayList<>();
                    for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
                        row.add(rows.getString(c));
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    /** The one value (first column of the first row) that a query on the test database answers, as a string. */
    static String value(String sql, Object... parameters) throws SQLException {
        return query(sql, parameters).get(0).get(0);
    }

    /** Changes rows of the test database: only to play time passing (what a buyer did days ago). */
    static int update(String sql, Object... parameters) throws SQLException {
        try (Connection db = DriverManager.getConnection(System.getProperty(ItDatabase.URL_PROPERTY), "deal", "deal");
                PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    /**
     * How often the sandbox's books show {@code operation} for the payment of the order (its key is the order's id):
     * AUTHORISE a payment that was approved (whatever became of it), CAPTURE one that is captured, VOID one that was
     * voided, REFUND each refund of it.
     */
    static int ledger(String orderId, String operation) throws SQLException {
        String sql = switch (operation) {
            case "AUTHORISE" ->
                "SELECT COUNT(*) FROM sandbox_payment WHERE payment_key = ? AND token IS NOT NULL"
                        + " AND state IN ('AUTHORISED', 'CAPTURED', 'VOIDED')";
            case "CAPTURE" -> "SELECT COUNT(*) FROM sandbox_payment WHERE payment_key = ? AND state = 'CAPTURED'";
            case "VOID" -> "SELECT COUNT(*) FROM sandbox_payment WHERE payment_key = ? AND state = 'VOIDED'";
            case "REFUND" ->
                "SELECT COUNT(*) FROM sandbox_refund f JOIN sandbox_payment p ON p.ref = f.ref WHERE p.payment_key = ?";
            default -> throw new IllegalArgumentException(operation);
        };
        return Integer.parseInt(query(sql, orderId).get(0).get(0));
    }

    /**
     * Waits up to {@code seconds} for the sandbox's books to show {@code count} of the operation under the order; answers
     * the count last seen. A capture, void or refund is a payment task run after the commit that changed the order, so
     * the order may show its new status a moment before the sandbox saw the call.
     */
    static int awaitLedger(String orderId, String operation, int count, int seconds)
            throws SQLException, InterruptedException {
        int seen = ledger(orderId, operation);
        for (int i = 0; i < seconds * 4 && seen != count; i++) {
            Thread.sleep(250);
            seen = ledger(orderId, operation);
        }
        return seen;
    }

    /**
     * Waits up to {@code seconds} for the query to answer {@code expected}; answers the rows last seen. For what a
     * background task writes after its visible effect, such as the outbox marking a mail SENT after the SMTP server took it.
     */
    static List<List<String>> awaitQuery(List<List<String>> expected, int seconds, String sql, Object... args)
            throws SQLException, InterruptedException {
        List<List<String>> seen = query(sql, args);
        for (int i = 0; i < seconds * 4 && !seen.equals(expected); i++) {
            Thread.sleep(250);
            seen = query(sql, args);
        }
        return seen;
    }

    /** Waits up to {@code seconds} for the order to reach the status; answers the order as last seen. */
    JsonObject awaitOrder(Fixtures.Person buyer, String orderId, String status, int seconds)
            throws InterruptedException {
        JsonObject order = null;
        for (int i = 0; i < seconds * 4; i++) {
            order = http.get("api/v1/orders/" + orderId, buyer.token()).json();
            if (status.equals(order.getString("status"))) {
                return order;
            }
            Thread.sleep(250);
        }
        return order;
    }
}
