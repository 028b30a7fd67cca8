package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Every sandbox test token through {@code POST /orders} as a client sends it, with the same Idempotency-Key replayed
 * at each stage: the answer keeps its contract (201 / 402 / 503), the order becomes what its money says, nothing is
 * charged twice and stock and quota come back when nothing was charged. The IT server reserves for 3 s and waits 2 s
 * for the gateway (ItServer), so the reconciler settles a lost answer within seconds. After the class the
 * ledger must agree with the orders ({@link LedgerAgrees}).
 */
@ExtendWith(LedgerAgrees.class)
// Alongside other test classes (see deal-web's POM); its own tests one after another.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("MoneyIT")
class MoneyIT extends MerchantApp {

    /** Reservation (3 s) + a reconciler pass + the slow token's 10 s: far below this. */
    private static final Duration SETTLE = Duration.ofSeconds(40);

    MoneyIT() {
        super("Money Mill");
    }

    @Test
    void tokOkIsAuthorisedBeforeTheTipAndCapturedAfterIt() throws Exception {
        String untipped = buying.dealIdOnSale(merchant, "Ok Olives", d -> d.add("minBuyers", 100));
        String tipped = tippedDeal("Ok Oysters", d -> {});
        Fixtures.Person buyer = fixtures.buyer();

        String pendingKey = UUID.randomUUID().toString();
        Reply pending = http.order(Buying.order(untipped, 1, "tok_ok"), buyer.token(), pendingKey);
        assertOrder(pending, "PENDING", 1, List.of(List.of("AUTHORISED", "19.900", "0.000")));

        String confirmedKey = UUID.randomUUID().toString();
        Reply confirmed = http.order(Buying.order(tipped, 2, "tok_ok"), buyer.token(), confirmedKey);
        assertOrder(confirmed, "CONFIRMED", 2, List.of(List.of("CAPTURED", "39.800", "39.800")));

        for (int i = 0; i < 3; i++) {
            assertSameOrder(pending, http.order(Buying.order(untipped, 1, "tok_ok"), buyer.token(), pendingKey));
            assertSameOrder(confirmed, http.order(Buying.order(tipped, 2, "tok_ok"), buyer.token(), confirmedKey));
        }
        assertEquals(1, payments(confirmed.json().getString("id")).size(), "a replay charges nothing more");
        assertEquals(2, http.get("api/v1/orders", buyer.token()).json().getInt("total"));
    }

    @Test
    void tokDeclinedIs402AndGivesStockAndQuotaBack() throws Exception {
        RefusedOrder declined =
                refusedOrderOfAll("Declined Dates", 3, "tok_declined", 402, "payment-declined", "DECLINED");

        Reply replay = http.order(declined.body(), declined.buyer().token(), declined.key());
        assertEquals(402, replay.status(), "the same key answers what its order became: " + replay);
        assertEquals("payment-declined", replay.problem());
        assertEquals(declined.orderId(), orderOfKey(declined.buyer(), declined.key()));

        assertStockAndQuotaBack(declined.buyer(), declined.dealId(), 3);
        assertEquals(0, remaining(declined.dealId()));
    }

    @Test
    void tokErrorIs503AndChargesNothing() throws Exception {
        RefusedOrder failed =
                refusedOrderOfAll("Error Eclairs", 2, "tok_error", 503, "payment-unavailable", "CANCELLED");
        assertReplayMadeNothing(failed.buyer(), failed.body(), failed.key(), failed.orderId());
        assertStockAndQuotaBack(failed.buyer(), failed.dealId(), 2);
    }

    @Test
    void tokTimeoutIs503ThenTheReconcilerConfirmsTheOrderChargedOnce() throws Exception {
        String dealId = tippedDeal("Timeout Tacos", d -> d.add("maxQuantity", 5));
        Fixtures.Person buyer = fixtures.buyer();
        String key = UUID.randomUUID().toString();
        String body = Buying.order(dealId, 2, "tok_timeout");

        Reply lost = http.order(body, buyer.token(), key);
        assertEquals(503, lost.status(), lost::toString);
        assertEquals("payment-unavailable", lost.problem());
        String orderId = orderOfKey(buyer, key);
        assertEquals(1, payments(orderId).size(), "the sandbox charged although its answer was lost");
        Reply early = http.order(body, buyer.token(), key);
        assertTrue(early.status() == 503 || early.status() == 201 || early.status() == 200, early::toString);
        assertEquals(orderId, orderOfKey(buyer, key), "the replay made no second order");

        Reply settled = replayUntilSettled(buyer, body, key);
        JsonObject order = settled.json();
        assertEquals(orderId, order.getString("id"));
        assertEquals("CONFIRMED", order.getString("status"), "the tipped deal's money was captured: " + order);
        assertEquals(2, order.getJsonArray("coupons").size());
        assertEquals(List.of(List.of("CAPTURED", "39.800", "39.800")), payments(orderId), "charged once");
        assertEquals(
                "CONFIRMED",
                http.get("api/v1/orders/" + orderId, buyer.token()).json().getString("status"));
        assertEquals(2, remaining(dealId), "5 less the tipping order's 1 and this order's 2");
        assertSameOrder(settled, http.order(body, buyer.token(), key));
        assertEquals(1, payments(orderId).size());
    }

    @Test
    void tokSlowIsBarredByTheReconcilerBeforeItLandsAndChargesNothing() throws Exception {
        String dealId = dealOfStock("Slow Scones", 4);
        Fixtures.Person buyer = fixtures.buyer();
        String key = UUID.randomUUID().toString();
        String body = Buying.order(dealId, 4, "tok_slow");
        Instant sent = Instant.now();

        CompletableFuture<Reply> slow = CompletableFuture.supplyAsync(() -> http.order(body, buyer.token(), key));
        String orderId = null;
        for (int i = 0; i < 100 && orderId == null; i++) {
            orderId = orderOfKeyOrNull(buyer, key);
            Thread.sleep(20);
        }
        assertTrue(orderId != null, "the order was reserved while its payment is in progress");
        JsonObject inProgress =
                http.get("api/v1/orders/" + orderId, buyer.token()).json();
        assertEquals(
                "RESERVED", inProgress.getString("status"), "the buyer sees the payment in progress: " + inProgress);
        assertEquals(0, remaining(dealId), "the reservation holds the stock");

        Reply answer = slow.get(30, TimeUnit.SECONDS);
        assertEquals(503, answer.status(), answer::toString);
        assertEquals("payment-unavailable", answer.problem());

        String id = orderId;
        awaitStatus(id, "CANCELLED");
        // The slow call lands 10 s after it was sent; by then its key is barred.
        long landed = Duration.between(Instant.now(), sent.plusSeconds(12)).toMillis();
        Thread.sleep(Math.max(0, landed));
        assertEquals(List.of("CANCELLED", "1"), order(id));
        assertNothingCharged(id);
        assertEquals(4, remaining(dealId), "the stock is back");

        assertReplayMadeNothing(buyer, body, key, id);
        assertStockAndQuotaBack(buyer, dealId, 4);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** A deal on sale of {@code stock} coupons, all of which one buyer may buy. */
    private String dealOfStock(String title, int stock) {
        return buying.dealIdOnSale(
                merchant, title, d -> d.add("maxQuantity", stock).add("perBuyerLimit", stock));
    }

    /** An order that was refused: the body and key it was sent with, by whom, and the order it made. */
    private record RefusedOrder(String dealId, Fixtures.Person buyer, String key, String body, String orderId) {}

    /**
     * A new buyer orders the whole stock of a new deal paying with {@code token} and is refused with the status and
     * problem; the order has {@code orderStatus} and released its stock and quota, and nothing is charged under it.
     */
    private RefusedOrder refusedOrderOfAll(
            String title, int stock, String token, int status, String problem, String orderStatus) throws SQLException {
        String dealId = dealOfStock(title, stock);
        Fixtures.Person buyer = fixtures.buyer();
        String key = UUID.randomUUID().toString();
        String body = Buying.order(dealId, stock, token);
        Reply refused = http.order(body, buyer.token(), key);
        assertEquals(status, refused.status(), refused::toString);
        assertEquals(problem, refused.problem());
        String orderId = orderOfKey(buyer, key);
        assertEquals(
                List.of(orderStatus, "1"),
                order(orderId),
                "the order is " + orderStatus + " and its stock and quota released");
        assertNothingCharged(orderId);
        assertEquals(stock, remaining(dealId), "the stock is back");
        return new RefusedOrder(dealId, buyer, key, body, orderId);
    }

    /** A replay of a key whose order charged nothing is no success, makes no second order and charges nothing. */
    private void assertReplayMadeNothing(Fixtures.Person buyer, String body, String key, String orderId)
            throws SQLException {
        Reply replay = http.order(body, buyer.token(), key);
        assertNotEquals(201, replay.status(), replay::toString);
        assertNotEquals(200, replay.status(), replay::toString);
        assertEquals(orderId, orderOfKey(buyer, key), "the replay made no second order");
        assertNothingCharged(orderId);
    }

    /** The whole stock can be bought again by the same buyer under a new key: stock and quota are back. */
    private void assertStockAndQuotaBack(Fixtures.Person buyer, String dealId, int stock) {
        Reply bought = http.order(
                Buying.order(dealId, stock, "tok_ok"),
                buyer.token(),
                UUID.randomUUID().toString());
        assertEquals(201, bought.status(), "stock and quota are back: " + bought);
    }

    /**
     * A deal that has tipped already (one coupon bought by another buyer, min buyers 1): an order's payment is then
     * captured at once. Before the tip a payment is only authorised (the order PENDING) and captured by a task.
     */
    private String tippedDeal(String title, java.util.function.Consumer<jakarta.json.JsonObjectBuilder> terms) {
        String dealId = buying.dealIdOnSale(merchant, title, d -> {
            d.add("minBuyers", 1);
            terms.accept(d);
        });
        Reply tipping = buying.buy(fixtures.buyer(), dealId, 1);
        assertEquals(201, tipping.status(), tipping::toString);
        JsonObject deal = http.get("api/v1/deals/" + dealId, merchant.token()).json();
        assertTrue(deal.containsKey("tippedAt") && !deal.isNull("tippedAt"), "the deal tipped: " + deal);
        return dealId;
    }

    /** The order was made with the status and coupons, and the sandbox holds exactly the payments under its key. */
    private static void assertOrder(Reply reply, String status, int coupons, List<List<String>> payments)
            throws SQLException {
        assertEquals(201, reply.status(), reply::toString);
        assertEquals(status, reply.json().getString("status"));
        assertEquals(coupons, reply.json().getJsonArray("coupons").size());
        assertEquals(payments, payments(reply.json().getString("id")));
    }

    private static void assertSameOrder(Reply first, Reply replay) {
        assertTrue(replay.status() == 201 || replay.status() == 200, replay::toString);
        assertEquals(first.json().getString("id"), replay.json().getString("id"));
        assertEquals(first.json().getString("status"), replay.json().getString("status"));
    }

    /** Replays the key until the order is no longer in progress (the reconciler decided), at most {@link #SETTLE}. */
    private Reply replayUntilSettled(Fixtures.Person buyer, String body, String key) throws InterruptedException {
        Instant deadline = Instant.now().plus(SETTLE);
        Reply reply = http.order(body, buyer.token(), key);
        while (reply.status() == 503 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            reply = http.order(body, buyer.token(), key);
        }
        assertTrue(
                reply.status() == 201 || reply.status() == 200,
                "settled within " + SETTLE.toSeconds() + " s: " + reply);
        return reply;
    }

    private void awaitStatus(String orderId, String status) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(SETTLE);
        while (!status.equals(order(orderId).get(0)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        assertEquals(
                status, order(orderId).get(0), "the reconciler settled the order within " + SETTLE.toSeconds() + " s");
    }

    private static String orderOfKeyOrNull(Fixtures.Person buyer, String key) throws SQLException {
        List<List<String>> rows = Buying.query(
                "SELECT order_id FROM order_request WHERE buyer_id = ? AND idempotency_key = ?", buyer.id(), key);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    private static String orderOfKey(Fixtures.Person buyer, String key) throws SQLException {
        String id = orderOfKeyOrNull(buyer, key);
        assertTrue(id != null, "an order was made under the key");
        return id;
    }

    /** The order's status and whether its stock and quota were released (1) or not (0). */
    private static List<String> order(String orderId) throws SQLException {
        return Buying.query("SELECT status, released_at IS NOT NULL FROM purchase_order WHERE id = ?", orderId)
                .get(0);
    }

    /** The sandbox's payments under the order's key: state, amount, captured. */
    private static List<List<String>> payments(String orderId) throws SQLException {
        return Buying.query("SELECT state, amount, captured FROM sandbox_payment WHERE payment_key = ?", orderId);
    }

    private static void assertNothingCharged(String orderId) throws SQLException {
        List<List<String>> held = Buying.query(
                "SELECT state, captured FROM sandbox_payment WHERE payment_key = ?"
                        + " AND (state IN ('AUTHORISED', 'CAPTURED') OR captured > 0)",
                orderId);
        assertEquals(List.of(), held, "nothing is held or charged under the order's key");
    }

    private int remaining(String dealId) {
        return http.get("api/v1/deals/" + dealId, merchant.token()).json().getInt("remaining");
    }
}
