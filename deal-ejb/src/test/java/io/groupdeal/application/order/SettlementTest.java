package io.groupdeal.application.order;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Noodles;
import io.groupdeal.application.Wiring;
import io.groupdeal.application.mail.BuyerMails;
import io.groupdeal.application.mail.BuyerMails.Recipient;
import io.groupdeal.application.mail.Outbox;
import io.groupdeal.application.payment.PaymentTasks;
import io.groupdeal.application.payment.Refunds;
import io.groupdeal.domain.coupon.CouponRepository;
import io.groupdeal.domain.coupon.CouponStatus;
import io.groupdeal.domain.mail.Mail;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderRepository;
import io.groupdeal.domain.order.OrderStatus;
import io.groupdeal.domain.order.PaymentTask.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each settlement step owes the gateway money only when its conditional update moved something, so an order is
 * captured once, voided once and refunded once whichever instance gets there first.
 */
class SettlementTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Order ORDER = Noodles.order(3, OrderStatus.PENDING, "pay-1", NOW.minusSeconds(600));
    static final Recipient BEA = new Recipient("bea@example.com", "Bea");
    static final Mail MAIL = new Mail("tenant-1", "cause", "bea@example.com", "s", "t", "h", List.of());

    private final OrderRepository orders = mock(OrderRepository.class);
    private final CouponRepository coupons = mock(CouponRepository.class);
    private final PaymentTasks payments = mock(PaymentTasks.class);
    private final Outbox outbox = mock(Outbox.class);
    private final BuyerMails mails = mock(BuyerMails.class);
    private final Refunds refunds = Wiring.wire(new Refunds(), payments, orders, outbox, mails);
    private final Settlement settlement =
            Wiring.wire(new Settlement(), orders, coupons, payments, refunds, outbox, mails);

    @BeforeEach
    void buyer() {
        when(mails.recipient("buyer-1", "tenant-1")).thenReturn(BEA);
    }

    @Test
    void aPendingOrderOfATippedDealIsCapturedOnceAndItsCouponsActivated() {
        when(orders.confirm("tenant-1", "order-1", NOW)).thenReturn(true);
        when(mails.dealTipped(any(), any(), any(), any())).thenReturn(MAIL);

        settlement.captureTipped(ORDER, "Noodles", NOW);

        verify(payments).owe("tenant-1", "order-1", Kind.CAPTURE, "capture", null);
        verify(coupons).move("tenant-1", "order-1", CouponStatus.PENDING, CouponStatus.ACTIVE, NOW);
        verify(outbox).write(MAIL);
    }

    @Test
    void anOrderNoLongerPendingIsNotCapturedAgain() {
        when(orders.confirm("tenant-1", "order-1", NOW)).thenReturn(false);

        assertFalse(settlement.capture(ORDER, NOW));
        settlement.captureTipped(ORDER, "Noodles", NOW);

        verifyNoInteractions(payments, outbox);
        verify(coupons, never()).move(anyString(), anyString(), any(), any(), any());
    }

    @Test
    void aFailedDealVoidsThePendingOrderAndSaysItFailed() {
        when(orders.cancelPending("tenant-1", "order-1", NOW)).thenReturn(true);
        when(mails.dealFailed(BEA, ORDER, "Noodles")).thenReturn(MAIL);

        settlement.release(ORDER, "Noodles", false, NOW);

        verify(payments).owe("tenant-1", "order-1", Kind.CANCEL, "cancel", null);
        verify(coupons).move("tenant-1", "order-1", CouponStatus.PENDING, CouponStatus.VOID, NOW);
        verify(outbox).write(MAIL);
        verify(mails, never()).dealCancelled(any(), any(), any(), any());
    }

    @Test
    void aCancelledDealSaysItWasCancelledWithNothingRefunded() {
        when(orders.cancelPending("tenant-1", "order-1", NOW)).thenReturn(true);
        when(mails.dealCancelled(BEA, ORDER, "Noodles", null)).thenReturn(MAIL);

        settlement.release(ORDER, "Noodles", true, NOW);

        verify(outbox).write(MAIL);
        verify(mails, never()).dealFailed(any(), any(), any());
    }

    @Test
    void anOrderReleasedAlreadyIsNotVoidedAgain() {
        when(orders.cancelPending("tenant-1", "order-1", NOW)).thenReturn(false);

        settlement.release(ORDER, "Noodles", true, NOW);

        verifyNoInteractions(payments, outbox, coupons);
    }

    @Test
    void aCancelledDealPaysBackOnlyTheUnusedCouponsOfACapturedOrder() {
        when(coupons.move("tenant-1", "order-1", CouponStatus.ACTIVE, CouponStatus.VOID, NOW))
                .thenReturn(2);
        when(mails.dealCancelled(BEA, ORDER, "Noodles", new BigDecimal("19.80")))
                .thenReturn(MAIL);

        settlement.refundCancelled(ORDER, "Noodles", NOW);

        verify(payments).owe("tenant-1", "order-1", Kind.REFUND, "cancel:order-1", new BigDecimal("19.80"));
        verify(orders).markRefunded("tenant-1", "order-1", NOW);
        verify(outbox).write(MAIL);
    }

    @Test
    void aCapturedOrderWhoseCouponsWereAllUsedOwesNothing() {
        when(coupons.move("tenant-1", "order-1", CouponStatus.ACTIVE, CouponStatus.VOID, NOW))
                .thenReturn(0);

        settlement.refundCancelled(ORDER, "Noodles", NOW);

        verifyNoInteractions(payments, outbox);
        verify(orders, never()).markRefunded(anyString(), anyString(), any());
    }

    @Test
    void captureAnswersWhetherItMovedTheOrder() {
        when(orders.confirm("tenant-1", "order-1", NOW)).thenReturn(true);
        assertTrue(settlement.capture(ORDER, NOW));
        verifyNoInteractions(outbox);
    }
}
