package io.groupdeal.application.coupon;

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
import io.groupdeal.application.mail.BuyerMails.RefundCause;
import io.groupdeal.application.mail.Outbox;
import io.groupdeal.application.payment.PaymentTasks;
import io.groupdeal.application.payment.Refunds;
import io.groupdeal.domain.coupon.Coupon;
import io.groupdeal.domain.coupon.CouponRepository;
import io.groupdeal.domain.coupon.CouponStatus;
import io.groupdeal.domain.mail.Mail;
import io.groupdeal.domain.order.OrderRepository;
import io.groupdeal.domain.order.OrderStatus;
import io.groupdeal.domain.order.PaymentTask.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Expiry refunds only when the deal says so and the conditional update moved the coupon; one reminder per coupon. */
class CouponChangesTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Recipient BEA = new Recipient("bea@example.com", "Bea");
    static final Mail MAIL = new Mail("tenant-1", "cause", "bea@example.com", "s", "t", "h", List.of());

    private final CouponRepository coupons = mock(CouponRepository.class);
    private final OrderRepository orders = mock(OrderRepository.class);
    private final PaymentTasks payments = mock(PaymentTasks.class);
    private final Outbox outbox = mock(Outbox.class);
    private final BuyerMails mails = mock(BuyerMails.class);
    private final Refunds refunds = Wiring.wire(new Refunds(), payments, orders, outbox, mails);
    private final CouponChanges changes = Wiring.wire(new CouponChanges(), coupons, refunds, outbox, mails);

    static Coupon coupon(boolean autoRefund) {
        return Noodles.coupon(CouponStatus.ACTIVE, NOW, NOW.minusSeconds(86_400), false, autoRefund);
    }

    @Test
    void aCouponWithoutAutomaticRefundJustExpires() {
        Coupon coupon = coupon(false);
        when(coupons.expire("tenant-1", "coupon-1", false, NOW)).thenReturn(true);

        changes.expire(coupon, NOW);

        verify(coupons).expire("tenant-1", "coupon-1", false, NOW);
        verifyNoInteractions(payments, outbox, orders);
    }

    @Test
    void aCouponAnotherInstanceExpiredAlreadyIsNotRefundedAgain() {
        when(coupons.expire("tenant-1", "coupon-1", true, NOW)).thenReturn(false);

        changes.expire(coupon(true), NOW);

        verifyNoInteractions(payments, outbox, orders);
    }

    @Test
    void anExpiryWithAutomaticRefundOwesThePriceAndTellsTheBuyer() {
        Coupon coupon = coupon(true);
        when(coupons.expire("tenant-1", "coupon-1", true, NOW)).thenReturn(true);
        when(orders.find("tenant-1", "order-1"))
                .thenReturn(Optional.of(Noodles.order(1, OrderStatus.CONFIRMED, "pay-1", NOW)));
        when(mails.recipient("buyer-1", "tenant-1")).thenReturn(BEA);
        when(mails.refunded(BEA, coupon, RefundCause.EXPIRED)).thenReturn(MAIL);

        changes.expire(coupon, NOW);

        verify(payments).owe("tenant-1", "order-1", Kind.REFUND, "coupon-1", new BigDecimal("9.90"));
        verify(orders).markRefunded("tenant-1", "order-1", NOW);
        verify(outbox).write(MAIL);
    }

    @Test
    void aReminderGoesOutOnlyForTheInstanceThatMarkedIt() {
        Coupon coupon = coupon(false);
        when(mails.recipient("buyer-1", "tenant-1")).thenReturn(BEA);
        when(mails.expiresSoon(BEA, coupon)).thenReturn(MAIL);
        when(coupons.markReminded("tenant-1", "coupon-1", NOW)).thenReturn(false, true);

        changes.remind(coupon, NOW);
        verify(outbox, never()).write(any());

        changes.remind(coupon, NOW);
        verify(outbox).write(MAIL);
        verify(orders, never()).markRefunded(anyString(), anyString(), any());
    }
}
