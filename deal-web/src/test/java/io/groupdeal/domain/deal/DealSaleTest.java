package io.groupdeal.domain.deal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Wiring;
import io.groupdeal.domain.deal.DealRepository.Sale;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.NativeSql;
import io.groupdeal.testing.MigratedDatabase;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DealRepository#sell} on a real MariaDB with the product's schema: what a sale answers (before the tipping,
 * the one that tips, after it, sold out, not on sale) and that a sale of a deal the buyer's terms found tipped sends
 * its one update and nothing else, since the statements after the stock's update are what a flash sale waits for.
 */
class DealSaleTest {

    private static final String TENANT = Ids.newId();
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static DataSource dataSource;
    private static DealRepository deals;
    /** Statements the repository prepared since the last reset. */
    private static final AtomicInteger STATEMENTS = new AtomicInteger();

    @BeforeAll
    static void start() throws SQLException {
        dataSource = MigratedDatabase.dataSource();
        TransactionSynchronizationRegistry noTransaction = mock(TransactionSynchronizationRegistry.class);
        when(noTransaction.getTransactionStatus()).thenReturn(Status.STATUS_NO_TRANSACTION);
        deals = Wiring.wire(new DealRepository(), Wiring.wire(new NativeSql(), counting(dataSource), noTransaction));
        update(
                "INSERT INTO tenant (id, business_name, status, commission_rate, time_zone, undo_window_minutes,"
                        + " created_at) VALUES (?, 'Sale Test', 'ACTIVE', 0.1, 'UTC', 10, NOW(6))",
                TENANT);
    }

    @BeforeEach
    void reset() {
        STATEMENTS.set(0);
    }

    @Test
    void aSaleOfADealTheTermsFoundTippedIsPaidAtOnceWithItsUpdateAlone() throws SQLException {
        String deal = deal(1, 10, 3, true, "ON_SALE");

        assertEquals(Sale.AFTER_TIPPING, deals.sell(TENANT, deal, 2, NOW, true));
        assertEquals(1, STATEMENTS.get(), "the stock's update, no read of the deal's state");
        assertEquals(5, sold(deal));
    }

    @Test
    void beforeTheTippingTheDealsStateSaysWhetherThisOrderTipsIt() throws SQLException {
        String deal = deal(3, 10, 0, false, "ON_SALE");
        update("UPDATE deal SET confirmed = 1 WHERE id = ?", deal);

        assertEquals(Sale.BEFORE_TIPPING, deals.sell(TENANT, deal, 1, NOW, false), "1 + 1 paid of 3");
        assertEquals(2, STATEMENTS.get(), "the update and the state");
        assertEquals(Sale.AFTER_TIPPING, deals.sell(TENANT, deal, 2, NOW, false), "1 + 2 paid of 3 tips it");
        assertEquals(3, sold(deal));
    }

    @Test
    void aRefusedSaleSaysWhyWhateverTheTermsSaid() throws SQLException {
        String soldOut = deal(1, 4, 3, true, "ON_SALE");
        String ended = deal(1, 10, 3, true, "ENDED");

        assertEquals(Sale.SOLD_OUT, deals.sell(TENANT, soldOut, 2, NOW, true));
        assertEquals(Sale.NOT_ON_SALE, deals.sell(TENANT, ended, 1, NOW, true));
        assertEquals(3, sold(soldOut), "nothing taken");
        assertEquals(3, sold(ended), "nothing taken");
    }

    /** A deal of the test's tenant, on sale for a day around {@link #NOW} unless {@code status} says otherwise. */
    private static String deal(int minBuyers, int maxQuantity, int sold, boolean tipped, String status)
            throws SQLException {
        String id = Ids.newId();
        Timestamp now = Timestamp.from(NOW);
        update(
                "INSERT INTO deal (tenant_id, id, title, description, fine_print, currency, price, original_value,"
                        + " min_buyers, max_quantity, per_buyer_limit, sales_start, sales_end, coupon_valid_until,"
                        + " refund_policy, auto_refund_on_expiry, status, sold, tipped_at, published_at, closed_at,"
                        + " created_at, version) VALUES (?, ?, 'Sale test', 'd', 'f', 'EUR', 9.90, 19.90, ?, ?, NULL,"
                        + " ? - INTERVAL 1 DAY, ? + INTERVAL 1 DAY, ? + INTERVAL 30 DAY, 'NONE', FALSE, ?, ?, ?, ?, NULL,"
                        + " ?, 1)",
                TENANT,
                id,
                minBuyers,
                maxQuantity,
                now,
                now,
                now,
                status,
                sold,
                tipped ? now : null,
                now,
                now);
        return id;
    }

    private static int sold(String deal) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement read = db.prepareStatement("SELECT sold FROM deal WHERE id = ?")) {
            read.setString(1, deal);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static void update(String sql, Object... parameters) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    /** The data source, with every statement that its connections prepare counted in {@link #STATEMENTS}. */
    private static DataSource counting(DataSource source) {
        return (DataSource) Proxy.newProxyInstance(
                DealSaleTest.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(method, source, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(
                            DealSaleTest.class.getClassLoader(), new Class<?>[] {Connection.class}, (c, m, a) -> {
                                if (m.getName().equals("prepareStatement")) {
                                    STATEMENTS.incrementAndGet();
                                }
                                return invoke(m, connection, a);
                            });
                });
    }

    /** The call on the real object, its exception thrown as it is (the repository tells SQL errors by their class). */
    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
