package io.groupdeal.application.order;

import io.groupdeal.application.mail.BuyerMails;
import io.groupdeal.application.mail.Outbox;
import io.groupdeal.application.payment.PaymentTasks;
import io.groupdeal.application.payment.Refunds;
import io.groupdeal.domain.coupon.CouponRepository;
import io.groupdeal.domain.coupon.CouponStatus;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderRepository;
import io.groupdeal.domain.order.PaymentTask.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * What happens to a paid order when its deal tips, fails or is cancelled, in the caller's transaction. Each step first
 * moves the order or its coupons by a conditional update and owes the gateway a {@link PaymentTasks payment task}
 * only when that update moved something; the task is carried out after commit, outside any lock, and the gateway is
 * idempotent per reference besides: an order is captured once, voided once, and each coupon refunded once, whoever
 * retries.
 */
@ApplicationScoped
public class Settlement {

    @Inject
    private OrderRepository orders;

    @Inject
    private CouponRepository coupons;

    @Inject
    private PaymentTasks payments;

    @Inject
    private Refunds refunds;

    @Inject
    private Outbox outbox;

    @Inject
    private BuyerMails mails;

    /** PENDING → CONFIRMED with its coupons ACTIVE, and the money owed a capture; false when it was not pending. */
    boolean capture(Order order, Instant now) {
        if (!orders.confirm(order.tenantId(), order.id(), now)) {
            return false;
        }
        payments.owe(order.tenantId(), order.id(), Kind.CAPTURE, "capture", null);
        coupons.move(order.tenantId(), order.id(), CouponStatus.PENDING, CouponStatus.ACTIVE, now);
        return true;
    }

    /** The deal tipped after this order was placed: capture it and tell the buyer. */
    void captureTipped(Order order, String dealTitle, Instant now) {
        if (capture(order, now)) {
            outbox.write(mails.dealTipped(
                    mails.recipient(order.buyerId(), order.tenantId()),
                    order,
                    coupons.ofOrder(order.tenantId(), order.id()),
                    dealTitle));
        }
    }

    /** The deal failed or was cancelled before this order was captured: release the money, void the coupons. */
    void release(Order order, String dealTitle, boolean cancelled, Instant now) {
        if (!orders.cancelPending(order.tenantId(), order.id(), now)) {
            return;
        }
        payments.owe(order.tenantId(), order.id(), Kind.CANCEL, "cancel", null);
        coupons.move(order.tenantId(), order.id(), CouponStatus.PENDING, CouponStatus.VOID, now);
        outbox.write(
                cancelled
                        ? mails.dealCancelled(
                                mails.recipient(order.buyerId(), order.tenantId()), order, dealTitle, null)
                        : mails.dealFailed(mails.recipient(order.buyerId(), order.tenantId()), order, dealTitle));
    }

    /** The deal was cancelled after this order was captured: pay back its unused coupons, which become VOID. */
    void refundCancelled(Order order, String dealTitle, Instant now) {
        int unused = coupons.move(order.tenantId(), order.id(), CouponStatus.ACTIVE, CouponStatus.VOID, now);
        refunds.unusedOfCancelledDeal(order, unused, dealTitle, now);
    }
}
