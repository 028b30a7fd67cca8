package io.groupdeal.application.payment;

import io.groupdeal.application.mail.BuyerMails;
import io.groupdeal.application.mail.BuyerMails.RefundCause;
import io.groupdeal.application.mail.Outbox;
import io.groupdeal.domain.coupon.Coupon;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderRepository;
import io.groupdeal.domain.order.PaymentTask.Kind;
import io.groupdeal.domain.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * The one way money goes back to a buyer after a capture: a coupon refunded on request or at its expiry, or the unused
 * coupons of a captured order whose deal was cancelled. The caller has already taken the coupons out of use by a
 * conditional update in its transaction, and calls here only when that update moved something, so a coupon is paid
 * back once whoever retries. Here, in the caller's transaction: the refund is owed to the gateway as a
 * {@link PaymentTasks payment task} (carried out after commit, outside any lock, retried until done; its reference, the
 * coupon's id or {@code cancel:<order>}, keeps the gateway from paying twice), the order is marked REFUNDED or
 * PARTIALLY_REFUNDED, and the buyer is told.
 */
@ApplicationScoped
public class Refunds {

    @Inject
    private PaymentTasks payments;

    @Inject
    private OrderRepository orders;

    @Inject
    private Outbox outbox;

    @Inject
    private BuyerMails mails;

    /** The coupon was moved to REFUNDED (asked) or to EXPIRED with its refund (expired): pay back its price. */
    public void couponRefunded(Coupon coupon, RefundCause cause, Instant now) {
        payments.owe(coupon.tenantId(), coupon.orderId(), Kind.REFUND, coupon.id(), coupon.price());
        orders.markRefunded(coupon.tenantId(), coupon.orderId(), now);
        outbox.write(mails.refunded(mails.recipient(coupon.buyerId(), coupon.tenantId()), coupon, cause));
    }

    /**
     * The deal was cancelled after the order was captured and {@code unused} of its coupons were moved to VOID: pay back
     * their price, the order's unit price {@code unused} times in its currency's digits; nothing when none was unused.
     */
    public void unusedOfCancelledDeal(Order order, int unused, String dealTitle, Instant now) {
        if (unused <= 0) {
            return;
        }
        Money amount = Money.of(order.unitPrice(), order.currency()).times(unused);
        payments.owe(order.tenantId(), order.id(), Kind.REFUND, "cancel:" + order.id(), amount.amount());
        orders.markRefunded(order.tenantId(), order.id(), now);
        outbox.write(mails.dealCancelled(
                mails.recipient(order.buyerId(), order.tenantId()), order, dealTitle, amount.amount()));
    }
}
