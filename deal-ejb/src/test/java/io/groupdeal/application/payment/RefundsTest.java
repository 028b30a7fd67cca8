package io.groupdeal.application.payment;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
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
import io.groupdeal.domain.coupon.Coupon;
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
import org.mockito.InOrder;

/**
 * Every refund goes the same way: the gateway is owed the money under a reference that makes it happen once (the
 * coupon's id; {@code cancel:<order>} for a cancelled deal's unused coupons), then the order is marked, then the buyer
 * is told; a cancelled deal's captured order whose coupons were all used owes nothing.
 */
class RefundsTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Recipient BEA = new Recipient("bea@example.com", "Bea");
    static final Mail MAIL = new Mail("tenant-1", "cause", "bea@example.com", "s", "t", "h", List.of());
    static final Order ORDER = new Order(
            "tenant-1",
            "order-1",
            "deal-1",
            "buyer-1",
            3,
            new BigDecimal("1200"),
            new BigDecimal("3600"),
            "JPY",
            OrderStatus.CONFIRMED,
            "pay-1",
            NOW.minusSeconds(600),
            null);

    private final PaymentTasks payments = mock(PaymentTasks.class);
    private final OrderRepository orders = mock(OrderRepository.class);
    private final Outbox outbox = mock(Outbox.class);
    private final BuyerMails mails = mock(BuyerMails.class);
    private final Refunds refunds = Wiring.wire(new Refunds(), payments, orders, outbox, mails);

    @BeforeEach
    void buyer() {
        when(mails.recipient("buyer-1", "tenant-1")).thenReturn(BEA);
    }

    static Coupon coupon(CouponStatus status) {
        return Noodles.coupon(status, NOW, NOW.minusSeconds(86_400), true, true);
    }

    @Test
    void aCouponsRefundOwesItsPriceUnderItsIdThenMarksTheOrderThenTellsItsBuyer() {
        for (RefundCause cause : RefundCause.values()) {
            Coupon coupon = coupon(cause == RefundCause.ASKED ? CouponStatus.REFUNDED : CouponStatus.EXPIRED);
            Mail mail = new Mail("tenant-1", cause.name(), "bea@example.com", "s", "t", "h", List.of());
            when(mails.refunded(BEA, coupon, cause)).thenReturn(mail);

            refunds.couponRefunded(coupon, cause, NOW);

            owedThenMarkedThenTold("coupon-1", new BigDecimal("9.90"), mail);
        }
    }

    @Test
    void aCancelledDealPaysBackTheUnusedCouponsOfAnOrderOnceUnderTheOrdersCancelReference() {
        when(mails.dealCancelled(BEA, ORDER, "Ramen", new BigDecimal("2400"))).thenReturn(MAIL);

        refunds.unusedOfCancelledDeal(ORDER, 2, "Ramen", NOW);

        owedThenMarkedThenTold("cancel:order-1", new BigDecimal("2400"), MAIL);
    }

    /** The refund's one sequence: order-1 owes {@code amount} under {@code reference}, is marked, its buyer told. */
    private void owedThenMarkedThenTold(String reference, BigDecimal amount, Mail mail) {
        InOrder order = inOrder(payments, orders, outbox);
        order.verify(payments).owe("tenant-1", "order-1", Kind.REFUND, reference, amount);
        order.verify(orders).markRefunded("tenant-1", "order-1", NOW);
        order.verify(outbox).write(mail);
    }

    @Test
    void anOrderWhoseCouponsWereAllUsedOwesNothingAndHearsNothingFromTheRefund() {
        refunds.unusedOfCancelledDeal(ORDER, 0, "Ramen", NOW);

        verifyNoInteractions(payments, outbox);
        verify(orders, never()).markRefunded(anyString(), anyString(), any());
    }
}
