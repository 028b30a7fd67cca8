package io.groupdeal.application.mail;

import io.groupdeal.application.mail.BuyerMails.Recipient;
import io.groupdeal.domain.catalog.CatalogDeal;
import io.groupdeal.domain.catalog.CatalogRepository;
import io.groupdeal.domain.coupon.CouponRepository;
import io.groupdeal.domain.mail.Mail;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderRepository;
import io.groupdeal.domain.order.OrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The confirmation mail of a paid order, in two steps, so that a purchase does not pay for the mail's text:
 * {@link #queue} (in the confirm transaction) writes only its cause into the outbox (the order, the state it was
 * confirmed in, recipient and subject: one small row), and {@link #render} writes its text and HTML when
 * {@link MailDelivery} sends it (the order, its coupons, the deal with its stores, the buyer's name). The mail says what
 * it would have said in the purchase: the order's state is the one it was confirmed in (a PENDING order whose deal
 * tipped since is still "Order received"; the tipping has its mail of its own), the coupons and their codes are those
 * the confirm issued (codes never change), and the deal is found whatever became of it since.
 */
@ApplicationScoped
public class OrderConfirmations {

    static final String CAUSE = "order-confirmed:";

    @Inject
    private Outbox outbox;

    @Inject
    private BuyerMails mails;

    @Inject
    private OrderRepository orders;

    @Inject
    private CouponRepository coupons;

    @Inject
    private CatalogRepository catalog;

    /** Queues the confirmation of {@code paid} (PENDING or CONFIRMED, as the confirm left it) to {@code buyer}, once. */
    public void queue(Recipient buyer, Order paid, String dealTitle) {
        outbox.queue(
                paid.tenantId(),
                CAUSE + paid.id(),
                buyer.email(),
                BuyerMails.orderConfirmedSubject(paid, dealTitle, buyer.language()),
                paid.status().name());
    }

    /** Where the buyer's mails go (read from the account): for a confirm that does not know the buyer (the reconciler). */
    public Recipient recipient(String buyerId, String tenantId) {
        return mails.recipient(buyerId, tenantId);
    }

    /** The whole mail of a queued confirmation, as it is sent. */
    Mail render(Outbox.Queued queued) {
        Mail head = queued.mail();
        if (!head.causeKey().startsWith(CAUSE)) {
            throw new IllegalStateException("no body to render for mail " + queued.id() + " (" + head.causeKey() + ")");
        }
        String orderId = head.causeKey().substring(CAUSE.length());
        Order order = orders.find(head.tenantId(), orderId)
                .orElseThrow(() -> new IllegalStateException("no order " + orderId + " for mail " + queued.id()));
        Order asConfirmed = order.settled(OrderStatus.valueOf(queued.render()), order.paymentRef());
        CatalogDeal deal = catalog.ofOrder(order.dealId())
                .orElseThrow(() -> new IllegalStateException("no deal " + order.dealId() + " for mail " + queued.id()));
        Recipient known = mails.recipient(order.buyerId(), order.tenantId());
        Recipient buyer = new Recipient(head.recipient(), known.name(), known.language(), known.zone());
        // the subject as sent is in the buyer's language, which the purchase that queued it did not read
        Mail mail = mails.orderConfirmed(buyer, asConfirmed, coupons.ofOrder(order.tenantId(), order.id()), deal);
        return new Mail(
                head.tenantId(),
                head.causeKey(),
                head.recipient(),
                mail.subject(),
                mail.text(),
                mail.html(),
                mail.qrCodes());
    }
}
