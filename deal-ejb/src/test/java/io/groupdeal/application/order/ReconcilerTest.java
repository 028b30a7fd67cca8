package io.groupdeal.application.order;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Noodles;
import io.groupdeal.application.Timeouts;
import io.groupdeal.application.Wiring;
import io.groupdeal.application.payment.GatewayUnreachable;
import io.groupdeal.application.payment.Payment;
import io.groupdeal.application.payment.PaymentGateway;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderRepository;
import io.groupdeal.domain.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * An expired reservation is settled by whoever claims it: confirmed when the gateway has an approved payment under the
 * order's key, otherwise the key is cancelled first and the order released (confirmed after all when the cancel finds
 * a payment that landed just before); a gateway that does not answer leaves it for the next claim.
 */
class ReconcilerTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Order ORDER = Noodles.order(1, OrderStatus.RESERVED, null, NOW.minusSeconds(700));
    /** The claim's end, which the reconciler confirms by: the reservation's hold is then its claim. */
    static final Instant CLAIMED_UNTIL = NOW.plusSeconds(Reconciler.CLAIM_SECONDS);

    private final OrderRepository orders = mock(OrderRepository.class);
    private final Checkout checkout = mock(Checkout.class);
    private final PaymentGateway gateway = mock(PaymentGateway.class);
    private final Reconciler reconciler =
            Wiring.wire(new Reconciler(), orders, checkout, gateway, Clock.fixed(NOW, ZoneOffset.UTC));

    static Payment payment(Payment.State state) {
        BigDecimal captured = state == Payment.State.CAPTURED ? new BigDecimal("9.90") : BigDecimal.ZERO;
        return new Payment("pay-1", "order-1", state, new BigDecimal("9.90"), "EUR", captured, BigDecimal.ZERO);
    }

    @BeforeEach
    void oneExpiredReservation() {
        when(orders.expiredReservations(org.mockito.ArgumentMatchers.eq(NOW), anyInt()))
                .thenReturn(List.of(ORDER));
        when(checkout.claim(ORDER, NOW, CLAIMED_UNTIL)).thenReturn(true);
    }

    @Test
    void anOrderAnotherInstanceClaimedIsLeftAlone() {
        when(checkout.claim(any(), any(), any())).thenReturn(false);

        Timeouts.fire(reconciler);

        verifyNoInteractions(gateway);
        verify(checkout, never()).confirm(any(), any(Instant.class), any(), any(Instant.class));
        verify(checkout, never()).release(any(), any(), any());
    }

    @Test
    void anApprovedPaymentUnderTheKeyConfirmsTheOrderWithoutACancel() {
        Payment authorised = payment(Payment.State.AUTHORISED);
        when(gateway.find("order-1")).thenReturn(Optional.of(authorised));

        Timeouts.fire(reconciler);

        verify(checkout).confirm(ORDER, CLAIMED_UNTIL, authorised, NOW);
        verify(gateway, never()).cancel(any());
        verify(checkout, never()).release(any(), any(), any());
    }

    @Test
    void noPaymentUnderTheKeyIsCancelledAtTheGatewayBeforeTheStockIsReleased() {
        when(gateway.find("order-1")).thenReturn(Optional.empty());
        when(gateway.cancel("order-1")).thenReturn(payment(Payment.State.VOIDED));

        Timeouts.fire(reconciler);

        InOrder order = inOrder(gateway, checkout);
        order.verify(gateway).cancel("order-1");
        order.verify(checkout).release(ORDER, OrderStatus.CANCELLED, NOW);
    }

    @Test
    void aDeclinedPaymentReleasesTheOrderAsDeclined() {
        when(gateway.find("order-1")).thenReturn(Optional.of(payment(Payment.State.DECLINED)));
        when(gateway.cancel("order-1")).thenReturn(payment(Payment.State.DECLINED));

        Timeouts.fire(reconciler);

        verify(checkout).release(ORDER, OrderStatus.DECLINED, NOW);
    }

    @Test
    void aPaymentThatLandedJustBeforeTheCancelConfirmsTheOrderAfterAll() {
        Payment captured = payment(Payment.State.CAPTURED);
        when(gateway.find("order-1")).thenReturn(Optional.empty());
        when(gateway.cancel("order-1")).thenReturn(captured);

        Timeouts.fire(reconciler);

        verify(checkout).confirm(ORDER, CLAIMED_UNTIL, captured, NOW);
        verify(checkout, never()).release(any(), any(), any());
    }

    @Test
    void aGatewayThatDoesNotAnswerLeavesTheOrderReservedForTheNextClaim() {
        when(gateway.find("order-1")).thenThrow(new GatewayUnreachable("timeout"));

        Timeouts.fire(reconciler);

        verify(checkout, never()).confirm(any(), any(Instant.class), any(), any(Instant.class));
        verify(checkout, never()).release(any(), any(), any());
    }
}
