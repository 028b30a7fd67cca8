package io.groupdeal.application.coupon;

import io.groupdeal.application.mail.BuyerMails;
import io.groupdeal.application.mail.BuyerMails.RefundCause;
import io.groupdeal.application.mail.Outbox;
import io.groupdeal.application.payment.Refunds;
import io.groupdeal.domain.coupon.Coupon;
import io.groupdeal.domain.coupon.CouponRepository;
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
    private Refunds refunds;

    @Inject
    private Outbox outbox;

    @Inject
    private BuyerMails mails;

    public void expire(Coupon coupon, Instant now) {
        boolean refund = coupon.autoRefundOnExpiry();
        if (!coupons.expire(coupon.tenantId(), coupon.id(), refund, now) || !refund) {
            return;
        }
        refunds.couponRefunded(coupon, RefundCause.EXPIRED, now);
    }

    public void remind(Coupon coupon, Instant now) {
        if (coupons.markReminded(coupon.tenantId(), coupon.id(), now)) {
            outbox.write(mails.expiresSoon(mails.recipient(coupon.buyerId(), coupon.tenantId()), coupon));
        }
    }
}
