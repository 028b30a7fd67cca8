package io.groupdeal.application.coupon;

import io.groupdeal.application.mail.BuyerMails;
import io.groupdeal.application.mail.BuyerMails.RefundCause;
import io.groupdeal.application.mail.Outbox;
import io.groupdeal.application.payment.PaymentTasks;
import io.groupdeal.domain.coupon.Coupon;
import io.groupdeal.domain.coupon.CouponRepository;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderRepository;
import io.groupdeal.domain.order.PaymentTask.Kind;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;

/** The scheduled changes of one coupon, each in a transaction of its own (see {@link CouponExpiry}). */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CouponChanges {

    @Inject
    private CouponRepository coupons;

    @Inject
    private OrderRepository orders;

    @Inject
    private PaymentTasks payments;

    @Inject
    private Outbox outbox;

    @Inject
    private BuyerMails mails;

    public void expire(Coupon coupon, Instant now) {
        boolean refund = coupon.autoRefundOnExpiry();
        if (!coupons.expire(coupon.tenantId(), coupon.id(), refund, now) || !refund) {
            return;
        }
        Order order = orders.find(coupon.tenantId(), coupon.orderId()).orElseThrow();
        payments.owe(order.tenantId(), order.id(), Kind.REFUND, coupon.id(), coupon.price());
        orders.markRefunded(order.tenantId(), order.id(), now);
        outbox.write(mails.refunded(mails.recipient(coupon.buyerId(), coupon.tenantId()), coupon, RefundCause.EXPIRED));
    }

    public void remind(Coupon coupon, Instant now) {
        if (coupons.markReminded(coupon.tenantId(), coupon.id(), now)) {
            outbox.write(mails.expiresSoon(mails.recipient(coupon.buyerId(), coupon.tenantId()), coupon));
        }
    }
}
