package io.groupdeal.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Wiring;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.NativeSql;
import io.groupdeal.testing.MigratedDatabase;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reservation's hold, on a real MariaDB with the product's schema: a reservation is confirmed only by its holder,
 * the buyer's request until the reconciler claims it, the reconciler after. The claim's cancel at the gateway voids
 * an authorisation that the buyer's request may still hold; were that request to confirm the order afterwards, the
 * order would be paid by a voided authorisation (the cluster test once saw it: a CONFIRMED order with no money, its
 * capture refused forever). Here in the repository, since the rule is its conditional update; in deal-web, where the
 * embedded database and the migrations are at hand ({@link MigratedDatabase}).
 */
class ReservationHoldTest {

    private static final String TENANT = Ids.newId();
    private static final String DEAL = Ids.newId();
    private static final String OPTION = Ids.newId();
    private static final String BUYER = Ids.newId();
    /** Nanoseconds the column cannot keep: the hold still compares equal. */
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.123456789Z");

    private static DataSource dataSource;
    private static OrderRepository orders;

    @BeforeAll
    static void start() throws SQLException {
        dataSource = MigratedDatabase.dataSource();
        TransactionSynchronizationRegistry noTransaction = mock(TransactionSynchronizationRegistry.class);
        when(noTransaction.getTransactionStatus()).thenReturn(Status.STATUS_NO_TRANSACTION);
        orders = Wiring.wire(new OrderRepository(), Wiring.wire(new NativeSql(), dataSource, noTransaction));
        try (Connection db = dataSource.getConnection();
                PreparedStatement buyer = db.prepareStatement("INSERT INTO account (id, email, name, password_hash,"
                        + " role, created_at) VALUES (?, ?, 'Hold', 'x', 'BUYER', NOW(6))")) {
            buyer.setString(1, BUYER);
            buyer.setString(2, "hold-" + BUYER.toLowerCase() + "@example.test"); // the database may hold earlier runs
            buyer.executeUpdate();
        }
    }

    private static Order reserved(Instant heldUntil) {
        Order order = new Order(
                TENANT,
                Ids.newId(),
                DEAL,
                BUYER,
                1,
                new BigDecimal("9.90"),
                new BigDecimal("9.90"),
                "EUR",
                OrderStatus.RESERVED,
                null,
                NOW.minusSeconds(5).truncatedTo(ChronoUnit.MICROS),
                OPTION);
        orders.reserve(order, heldUntil);
        return order;
    }

    private static String status(Order order) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement read = db.prepareStatement("SELECT status FROM purchase_order WHERE id = ?")) {
            read.setString(1, order.id());
            try (ResultSet row = read.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }

    @Test
    void theBuyersRequestConfirmsWhatItHoldsAndTheReconcilerThenFindsNothingToClaim() throws SQLException {
        Instant heldUntil = NOW.minusSeconds(1); // expired: the request was slow, but nobody claimed it yet
        Order order = reserved(heldUntil);

        assertTrue(orders.paid(TENANT, order.id(), heldUntil, "pay_1", false, NOW));
        assertFalse(orders.claimReservation(TENANT, order.id(), NOW, NOW.plusSeconds(60)));
        assertEquals("PENDING", status(order));
    }

    @Test
    void onceTheReconcilerClaimedTheReservationTheBuyersRequestConfirmsNothingAndTheClaimantDoes() throws SQLException {
        Instant heldUntil = NOW.minusSeconds(1);
        Order order = reserved(heldUntil);
        Instant claimedUntil = NOW.plusSeconds(60);

        assertTrue(orders.claimReservation(TENANT, order.id(), NOW, claimedUntil));
        assertFalse(orders.paid(TENANT, order.id(), heldUntil, "pay_1", false, NOW), "the request's hold is gone");
        assertEquals("RESERVED", status(order));
        assertTrue(orders.paid(TENANT, order.id(), claimedUntil, "pay_1", true, NOW), "the claimant settles it");
        assertEquals("CONFIRMED", status(order));
    }

    @Test
    void aLaterClaimTakesTheHoldFromAnEarlierClaimantWhoseClaimRanOut() throws SQLException {
        Order order = reserved(NOW.minusSeconds(120));
        Instant firstClaim = NOW.minusSeconds(60);
        assertTrue(orders.claimReservation(TENANT, order.id(), NOW.minusSeconds(100), firstClaim));
        Instant secondClaim = NOW.plusSeconds(60);
        assertTrue(orders.claimReservation(TENANT, order.id(), NOW, secondClaim));

        assertFalse(orders.paid(TENANT, order.id(), firstClaim, "pay_1", false, NOW));
        assertTrue(orders.paid(TENANT, order.id(), secondClaim, "pay_1", false, NOW));
    }

    /**
     * The race itself, many times over with real connections: for each order, the buyer's confirmation and the
     * reconciler's claim at once. Exactly one of them wins each order; the request never confirms a claimed one.
     */
    @Test
    void underRealConcurrencyAClaimedReservationIsNeverConfirmedByTheRequest() throws Exception {
        int count = 200;
        Instant heldUntil = NOW.minus(Duration.ofSeconds(1));
        List<Order> reservations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            reservations.add(reserved(heldUntil));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> confirmed = new ArrayList<>();
            List<Future<Boolean>> claimed = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (Order order : reservations) {
                confirmed.add(pool.submit(() -> {
                    go.await();
                    return orders.paid(TENANT, order.id(), heldUntil, "pay_" + order.id(), false, NOW);
                }));
                claimed.add(pool.submit(() -> {
                    go.await();
                    return orders.claimReservation(TENANT, order.id(), NOW, NOW.plusSeconds(60));
                }));
            }
            go.countDown();
            int byRequest = 0;
            for (int i = 0; i < count; i++) {
                boolean requestWon = confirmed.get(i).get();
                boolean claimWon = claimed.get(i).get();
                assertTrue(requestWon ^ claimWon, "one of the two wins order " + i);
                assertEquals(requestWon ? "PENDING" : "RESERVED", status(reservations.get(i)));
                byRequest += requestWon ? 1 : 0;
            }
            System.out.println("reservation hold race: the request won " + byRequest + " of " + count
                    + ", the reconciler's claim " + (count - byRequest));
        } finally {
            pool.shutdownNow();
        }
    }
}
