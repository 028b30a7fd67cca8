package io.groupdeal.application.order;

import io.groupdeal.application.ScheduledJob;
import io.groupdeal.application.payment.Configured;
import io.groupdeal.application.payment.Payment;
import io.groupdeal.application.payment.PaymentGateway;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderRepository;
import io.groupdeal.domain.order.OrderStatus;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Settles the reservations that a crash or a lost answer left behind. Every 5 seconds it takes the RESERVED orders
 * whose reservation ran out (deal.order.reservation, DEAL_ORDER_RESERVATION, default 10 minutes: far longer than any
 * gateway call of the buyer's request may take), each by a conditional update that holds it for {@value
 * #CLAIM_SECONDS} s, so any number of instances may run it; then, outside any transaction, asks the gateway what
 * became of the payment under the order's id. Approved: the order is confirmed with its coupons. Anything else: the
 * key is cancelled at the gateway first, so that a payment still on its way can never land afterwards (and if one
 * landed just before, the cancel answers it and the order is confirmed after all), and then the stock and quota are
 * released. A gateway that does not answer leaves the order for the next claim. The claim is the reservation's hold:
 * from then on only its claimant may confirm the order, never the buyer's request that was still waiting for the
 * gateway (the cancel may have voided what that request was told was authorised).
 */
@Singleton
@Startup
// Its timer starts with the bean: only once the schema is up to date.
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Reconciler extends ScheduledJob {

    static final long CLAIM_SECONDS = 60;
    private static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(Reconciler.class.getName());

    @Inject
    private OrderRepository orders;

    @Inject
    private Checkout checkout;

    @Inject
    @Configured
    private PaymentGateway gateway;

    @Inject
    private Clock clock;

    public Reconciler() {
        super("Reconciling", 5);
    }

    @Override
    protected void work() {
        Instant now = clock.instant();
        Instant until = now.plusSeconds(CLAIM_SECONDS);
        for (Order order : orders.expiredReservations(now, BATCH)) {
            if (checkout.claim(order, now, until)) {
                settle(order, until);
            }
        }
    }

    private void settle(Order order, Instant claimedUntil) {
        try {
            Payment payment = gateway.find(order.id()).filter(Payment::approved).orElse(null);
            if (payment == null) {
                payment = gateway.cancel(order.id());
            }
            if (payment.approved()) {
                checkout.confirm(order, claimedUntil, payment, clock.instant());
                LOG.info(() -> "Reconciled order " + order.id() + ": paid, confirmed");
            } else {
                checkout.release(
                        order,
                        payment.state() == Payment.State.DECLINED ? OrderStatus.DECLINED : OrderStatus.CANCELLED,
                        clock.instant());
                LOG.info(() -> "Reconciled order " + order.id() + ": not paid, released");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, () -> "Order " + order.id() + " stays reserved until the next claim: " + e);
        }
    }
}
