package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.devserver.ItDatabase;
import io.groupdeal.infrastructure.database.DealDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A purchase that waits for a hot deal's row longer than the database's lock wait ({@link
 * DealDataSource#LOCK_WAIT_SECONDS}, set on every connection of the product's pool) is ended by the database, not by
 * the driver's socket timeout: the answer is 503 {@code busy} with {@code Retry-After}, the whole reservation is undone
 * (the key, the quota, the order, the option's stock: InnoDB undid only the waiting statement), and once the lock is
 * gone the same Idempotency-Key buys, once. Were the lock wait still MariaDB's 50 s, the driver would give up after
 * {@link DealDataSource#SOCKET_TIMEOUT_MILLIS} and the answer would be {@code database-unavailable}.
 */
@ExtendWith(LedgerAgrees.class)
// Alone, no other test class alongside: it holds a deal's row lock for the lock wait: the scheduled jobs that every
// other test waits for wait with it.
@Isolated
class LockWaitIT extends DeployedApp {

    @Test
    void aPurchaseThatWaitsTooLongForTheDealsRowIsBusyChangesNothingAndTheSameKeyBuysLater() throws Exception {
        Fixtures.Merchant merchant = fixtures.merchant("Lock Larder");
        fixtures.newStore(merchant.token(), "Lock Larder Mitte");
        Buying buying = new Buying(http, fixtures);
        String dealId = buying.dealOnSale(
                        merchant, "Locked Lemons", d -> d.add("maxQuantity", 10).add("perBuyerLimit", 5))
                .getString("id");
        Fixtures.Person buyer = fixtures.buyer();
        String key = UUID.randomUUID().toString();
        String body = Buying.order(dealId, 2, "tok_ok");
        List<List<String>> stockBefore = stock(dealId);

        Reply busy;
        long waitedMillis;
        try (Connection holder =
                DriverManager.getConnection(System.getProperty(ItDatabase.URL_PROPERTY), "deal", "deal")) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT sold FROM deal WHERE id = ? FOR UPDATE")) {
                lock.setString(1, dealId);
                try (ResultSet locked = lock.executeQuery()) {
                    assertTrue(locked.next(), "the deal's row is locked");
                }
            }
            long start = System.nanoTime();
            busy = http.order(body, buyer.token(), key);
            waitedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();

            assertEquals(503, busy.status(), busy::toString);
            assertEquals("busy", busy.problem(), busy::toString);
            assertTrue(busy.json().getString("detail").contains("nothing was changed"), busy::toString);
            assertTrue(busy.headers().firstValue("Retry-After").isPresent(), "Retry-After: " + busy.headers());
            assertTrue(
                    waitedMillis >= DealDataSource.LOCK_WAIT_SECONDS * 1000L,
                    "the purchase waited for the lock: " + waitedMillis + " ms");

            // while the lock is still held: nothing of the reservation is left
            assertEquals(
                    List.of(),
                    Buying.query(
                            "SELECT order_id FROM order_request WHERE buyer_id = ? AND idempotency_key = ?",
                            buyer.id(),
                            key));
            assertEquals(List.of(), ordersOf(buyer));
            assertEquals(List.of(), Buying.query("SELECT id FROM coupon WHERE buyer_id = ?", buyer.id()));
            assertEquals(stockBefore, stock(dealId), "neither the option's nor the deal's stock was taken");
            assertEquals(0, bought(dealId, buyer), "the buyer's quota was not taken");
            holder.rollback();
        }

        Reply bought = http.order(body, buyer.token(), key);
        assertEquals(201, bought.status(), bought::toString);
        String orderId = bought.json().getString("id");
        assertEquals(List.of(List.of(orderId)), ordersOf(buyer), "exactly one order");
        assertEquals(2, bought(dealId, buyer));
        Reply replay = http.order(body, buyer.token(), key);
        assertEquals(orderId, replay.json().getString("id"), replay::toString);
        assertEquals(List.of(List.of(orderId)), ordersOf(buyer), "the replay made no second order");
    }

    private static List<List<String>> ordersOf(Fixtures.Person buyer) throws SQLException {
        return Buying.query("SELECT id FROM purchase_order WHERE buyer_id = ?", buyer.id());
    }

    /** The deal's sold count and its option's. */
    private static List<List<String>> stock(String dealId) throws SQLException {
        return Buying.query(
                "SELECT d.sold, o.sold FROM deal d JOIN deal_option o ON o.tenant_id = d.tenant_id AND o.deal_id = d.id"
                        + " WHERE d.id = ?",
                dealId);
    }

    private static int bought(String dealId, Fixtures.Person buyer) throws SQLException {
        List<List<String>> rows =
                Buying.query("SELECT bought FROM buyer_quota WHERE deal_id = ? AND buyer_id = ?", dealId, buyer.id());
        return rows.isEmpty() ? 0 : Integer.parseInt(rows.get(0).get(0));
    }
}
