package io.groupdeal.application.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Wiring;
import io.groupdeal.application.mail.BuyerMails.Recipient;
import io.groupdeal.application.order.Checkout.Confirmed;
import io.groupdeal.application.order.Checkout.Reserved;
import io.groupdeal.application.payment.Payment;
import io.groupdeal.application.payment.PaymentGateway;
import io.groupdeal.application.problem.Busy;
import io.groupdeal.application.problem.PaymentUnavailable;
import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.deal.DealStatus;
import io.groupdeal.domain.deal.SaleOption;
import io.groupdeal.domain.deal.SaleTerms;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderRepository;
import io.groupdeal.domain.order.OrderRepository.KeyUse;
import io.groupdeal.domain.order.OrderStatus;
import io.groupdeal.domain.shared.AccountId;
import io.groupdeal.domain.shared.Contention;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.RequestKey;
import java.math.BigDecimal;
import java.sql.SQLTransactionRollbackException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.stubbing.OngoingStubbing;

/**
 * A purchase whose payment the gateway approved but whose confirmation other buyers' locks keep out (every try met a
 * lock wait timeout) stays RESERVED with its money for the reconciler: the buyer is told so (503 busy, "order in
 * progress"), never "nothing was changed".
 */
class OrderServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String DEAL = Ids.newId();
    private static final SaleTerms TERMS = new SaleTerms(
            "tenant-1",
            DEAL,
            "Hot Deal",
            "Shop",
            DealStatus.ON_SALE,
            new BigDecimal("9.90"),
            "EUR",
            null,
            NOW.plusSeconds(86_400),
            true);
    private static final SaleOption OPTION = new SaleOption(Ids.newId(), "Hot Deal", new BigDecimal("9.90"));
    private static final Order ORDER = new Order(
            "tenant-1",
            Ids.newId(),
            DEAL,
            "buyer-1",
            1,
            new BigDecimal("9.90"),
            new BigDecimal("9.90"),
            "EUR",
            OrderStatus.RESERVED,
            null,
            NOW,
            OPTION.id());
    private static final Instant HELD_UNTIL = NOW.plusSeconds(600);

    private final OrderRepository orders = mock(OrderRepository.class);
    private final DealRepository deals = mock(DealRepository.class);
    private final Checkout checkout = mock(Checkout.class);
    private final PaymentGateway gateway = mock(PaymentGateway.class);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Replays replays =
            Wiring.configure(Wiring.wire(new Replays(), orders), "paymentTimeout", Duration.ZERO);
    private final OrderService service = Wiring.wire(
            new OrderService(),
            orders,
            deals,
            checkout,
            Wiring.wire(new Purchasing(), orders, deals, gateway, replays, Wiring.buyer("buyer-1"), clock),
            clock);

    @BeforeEach
    void aReservedOrderWhosePaymentWasCaptured() {
        when(orders.keyUse(new RequestKey(new AccountId("buyer-1"), "key-1"))).thenReturn(Optional.empty());
        when(deals.saleTerms(DEAL)).thenReturn(Optional.of(TERMS));
        when(deals.saleOptions("tenant-1", DEAL)).thenReturn(List.of(OPTION));
        when(checkout.reserve(any(RequestKey.class), anyString(), any(), any(), anyInt(), any()))
                .thenReturn(Optional.of(new Reserved(ORDER, true, HELD_UNTIL)));
        when(gateway.authorise(anyString(), anyString(), any(), anyString(), anyBoolean()))
                .thenReturn(new Payment(
                        "pay-1",
                        ORDER.id(),
                        Payment.State.CAPTURED,
                        new BigDecimal("9.90"),
                        "EUR",
                        new BigDecimal("9.90"),
                        BigDecimal.ZERO));
    }

    /** Any confirmation of the order, whatever its hold, payment, buyer and time. */
    private OngoingStubbing<Optional<Confirmed>> whenConfirming() {
        return when(checkout.confirm(
                any(Order.class), any(Instant.class), any(Payment.class), any(Recipient.class), any(Instant.class)));
    }

    @Test
    void aConfirmationThatKeepsMeetingLockedRowsLeavesTheOrderToTheReconcilerAndSaysSo() {
        whenConfirming()
                .thenThrow(new Contention(
                        "update gave way to other transactions",
                        new SQLTransactionRollbackException("Lock wait timeout exceeded", "40001", 1205)));

        Busy busy = assertThrows(Busy.class, () -> service.place("key-1", new PlaceOrder(DEAL, 1, "tok_ok")));

        assertEquals("busy.order-in-progress", busy.reason().key());
        verify(checkout, atLeast(2))
                .confirm(any(Order.class), any(Instant.class), any(Payment.class), any(Recipient.class), any());
        verify(checkout, never()).release(any(), any(), any());
    }

    @Test
    void anyOtherFailureOfTheConfirmationGoesOnAsItIs() {
        IllegalStateException bug = new IllegalStateException("a bug");
        whenConfirming().thenThrow(bug);

        assertSame(
                bug,
                assertThrows(
                        IllegalStateException.class, () -> service.place("key-1", new PlaceOrder(DEAL, 1, "tok_ok"))));
    }

    /**
     * The reconciler claimed the reservation while the gateway was answering (a request slower than the reservation):
     * its cancel may have voided the authorisation this request holds, so the request confirms nothing under its own
     * hold and answers what the reconciler made of the order, as a replay of the key would: here released, 503.
     */
    @Test
    void aReservationTheReconcilerClaimedMeanwhileAnswersWhatItBecameNotThePaymentItWasTold() {
        when(checkout.confirm(eq(ORDER), eq(HELD_UNTIL), any(Payment.class), any(Recipient.class), any(Instant.class)))
                .thenReturn(Optional.empty());
        when(orders.keyUse(new RequestKey(new AccountId("buyer-1"), "key-1")))
                .thenReturn(Optional.empty())
                .thenReturn(Optional.of(
                        new KeyUse(new PlaceOrder(DEAL, 1, "tok_ok").fingerprint(), "tenant-1", ORDER.id())));
        when(orders.ofBuyer("buyer-1", ORDER.id())).thenReturn(Optional.of(ORDER.settled(OrderStatus.CANCELLED, null)));

        PaymentUnavailable refused =
                assertThrows(PaymentUnavailable.class, () -> service.place("key-1", new PlaceOrder(DEAL, 1, "tok_ok")));

        assertEquals("payment-unavailable.failed", refused.reason().key());
        verify(checkout).confirm(eq(ORDER), eq(HELD_UNTIL), any(Payment.class), any(Recipient.class), any());
    }
}
