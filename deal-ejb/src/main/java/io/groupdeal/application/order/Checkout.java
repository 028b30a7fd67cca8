package io.groupdeal.application.order;

import io.groupdeal.application.mail.BuyerMails.Recipient;
import io.groupdeal.application.mail.OrderConfirmations;
import io.groupdeal.application.payment.Payment;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.domain.coupon.Coupon;
import io.groupdeal.domain.coupon.CouponRepository;
import io.groupdeal.domain.coupon.CouponStatus;
import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.deal.DealRepository.Sale;
import io.groupdeal.domain.deal.SaleOption;
import io.groupdeal.domain.deal.SaleTerms;
import io.groupdeal.domain.order.BuyerQuota;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderRepository;
import io.groupdeal.domain.order.OrderStatus;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.OwnTransaction;
import io.groupdeal.domain.shared.RequestKey;
import io.groupdeal.domain.shared.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The two short transactions around a payment, each its own: {@link #reserve} takes the idempotency key, the buyer's
 * quota and the stock of the option and of the deal, and writes the order RESERVED; {@link #confirm} or
 * {@link #release} settle it once the gateway answered. No network call happens inside either, so a hot deal's row is
 * locked for a few statements, never for a payment.
 *
 * <p>Each is an {@link OwnTransaction} of native statements, not a JTA transaction: they run on every purchase, and the
 * transaction manager's begin and commit around a few statements, with the pool's {@code SET autocommit} before and
 * after, cost more than the statements themselves. So they are called from outside any transaction (the purchase, the
 * reconciler), which is where a step before or after a payment runs anyway.
 *
 * <p>Confirm and release move the order out of RESERVED by a conditional update: whoever comes first (the
 * buyer's request or the {@link Reconciler}) settles it, the other changes nothing. Confirming takes the reservation's
 * hold besides (its expiry as its holder wrote it): once the reconciler claimed a reservation, the buyer's request can
 * no longer confirm it, since the reconciler may have voided the authorisation that request holds.
 */
@ApplicationScoped
public class Checkout {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private OrderRepository orders;

    @Inject
    private CouponRepository coupons;

    @Inject
    private DealRepository deals;

    @Inject
    private OrderConfirmations confirmations;

    @Inject
    private Restock restock;

    @Inject
    private OwnTransaction transaction;

    @Inject
    @ConfigProperty(name = "deal.order.reservation", defaultValue = "PT10M")
    private Duration reservation;

    /**
     * A reservation made: the order, whether its payment is captured at once (the deal has tipped), and the hold that
     * {@link #confirm} needs: the reservation's expiry, unless the reconciler claims it first.
     */
    public record Reserved(Order order, boolean captureAtOnce, Instant heldUntil) {}

    /**
     * Reserves the order of {@code quantity} coupons of the deal's {@code option} under the buyer's key; empty when
     * the key was used before (its first use is then committed). A reached limit, a sold-out option or deal, or a
     * closed deal throws and leaves nothing behind, the key unused. The order costs the option's price.
     */
    public Optional<Reserved> reserve(
            RequestKey key, String fingerprint, SaleTerms terms, SaleOption option, int quantity, Instant when) {
        return transaction.run(() -> reserving(key, fingerprint, terms, option, quantity, when));
    }

    /**
     * {@link #reserve} in the caller's transaction, for a purchase that takes more in the same transaction (a team's
     * seat): all of it is taken, or nothing. {@code option} carries the price the order costs (a team's price).
     */
    @Transactional(TxType.MANDATORY)
    public Optional<Reserved> reserveWithin(
            RequestKey key, String fingerprint, SaleTerms terms, SaleOption option, int quantity, Instant when) {
        return reserving(key, fingerprint, terms, option, quantity, when);
    }

    private Optional<Reserved> reserving(
            RequestKey key, String fingerprint, SaleTerms terms, SaleOption option, int quantity, Instant when) {
        // to the microsecond, as the database keeps it: the order in memory is the order as stored (the buyer's answer)
        Instant now = when.truncatedTo(ChronoUnit.MICROS);
        String orderId = Ids.newId();
        TenantId tenant = new TenantId(terms.tenantId());
        if (!orders.claimKey(key, fingerprint, tenant, orderId, now)) {
            return Optional.empty();
        }
        if (terms.perBuyerLimit() != null
                && !orders.takeQuota(
                        new BuyerQuota(tenant, terms.dealId(), key.account()), quantity, terms.perBuyerLimit())) {
            throw new Clash("per-buyer-limit", Reason.of("per-buyer-limit", terms.perBuyerLimit()));
        }
        Order order = new Order(
                terms.tenantId(),
                orderId,
                terms.dealId(),
                key.account().value(),
                quantity,
                option.price(),
                option.price().multiply(BigDecimal.valueOf(quantity)),
                terms.currency(),
                OrderStatus.RESERVED,
                null,
                now,
                option.id());
        Instant heldUntil = now.plus(reservation);
        orders.reserve(order, heldUntil);
        // the option's own cap, then the deal's (the same order everywhere: option row, then the hot deal row, last)
        if (!deals.sellOption(terms.tenantId(), terms.dealId(), option.id(), quantity)) {
            // an option titled as its deal (the one option of a deal written without options) adds nothing to say
            throw new Clash(
                    "sold-out",
                    option.title().equals(terms.title())
                            ? Reason.of("sold-out")
                            : Reason.of("sold-out.option", option.title()));
        }
        Sale sale = deals.sell(terms.tenantId(), terms.dealId(), quantity, now, terms.tipped());
        if (!sale.sold()) {
            throw sale == Sale.SOLD_OUT ? new Clash("sold-out") : OrderService.notOnSale(terms);
        }
        return Optional.of(new Reserved(order, sale.paidAtOnce(), heldUntil));
    }

    /**
     * Takes an expired reservation for the {@link Reconciler} until {@code until}; false when another instance took it
     * first. One conditional update outside any transaction, so it is committed before the gateway is asked.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public boolean claim(Order order, Instant now, Instant until) {
        return orders.claimReservation(order.tenantId(), order.id(), now, until);
    }

    /**
     * The order and its coupons as {@link #confirm} left them, built in memory from what it wrote (the buyer's answer
     * needs no read-back), and the deal's sale terms they were issued under. The coupons are as issued: sorted by id as
     * the repository lists them, without the deal's refund terms ({@link Coupon#refundableAnytime()} false), which a
     * buyer's order answer does not show.
     */
    public record Confirmed(Order order, List<Coupon> coupons, SaleTerms terms) {}

    /**
     * {@link #confirm(Order, Instant, Payment, Recipient, Instant)} for the reconciler, which holds the reservation by
     * its claim until {@code claimedUntil} and does not know the buyer: the mail's recipient is read from the account
     * first, outside the transaction.
     */
    public Optional<Confirmed> confirm(Order order, Instant claimedUntil, Payment payment, Instant now) {
        boolean teamSeat = orders.paysTeamSeat(order.tenantId(), order.id());
        Recipient buyer = teamSeat ? null : confirmations.recipient(order.buyerId(), order.tenantId());
        return transaction.run(() -> confirming(order, claimedUntil, payment, buyer, now, teamSeat));
    }

    /**
     * The payment was approved: RESERVED → PENDING (authorised) or CONFIRMED (captured), the coupons issued, the paid
     * coupons counted towards the tipping point, the confirmation mail queued to {@code buyer} by its cause, to be
     * written when it is sent. Only while the reservation is still held until
     * {@code heldUntil} ({@link Reserved#heldUntil}). Empty when the order was settled before, or its reservation
     * claimed by the reconciler: nothing is changed then.
     */
    public Optional<Confirmed> confirm(Order order, Instant heldUntil, Payment payment, Recipient buyer, Instant when) {
        return transaction.run(() -> confirming(order, heldUntil, payment, buyer, when, false));
    }

    /**
     * A team member's seat paid ({@code TeamCheckout}), in the caller's transaction, which holds the team's row: the
     * authorisation recorded (RESERVED → PENDING, never captured here, whatever the gateway answered) with PENDING
     * coupons, as {@link #confirm} records a team seat's payment. Empty as {@link #confirm}.
     */
    @Transactional(TxType.MANDATORY)
    public Optional<Confirmed> confirmSeat(Order order, Instant heldUntil, Payment payment, Instant when) {
        return recordPayment(order, heldUntil, payment, false, when.truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * {@code teamSeat}: the order pays a team's seat (a team buy whose answer the reconciler found): its coupons wait
     * PENDING for the team, which counts them towards the tipping point and mails its members when it closes
     * (TeamClosing), so neither happens here.
     */
    private Optional<Confirmed> confirming(
            Order order, Instant heldUntil, Payment payment, Recipient buyer, Instant when, boolean teamSeat) {
        Instant now = when.truncatedTo(ChronoUnit.MICROS);
        boolean captured = payment.state() == Payment.State.CAPTURED;
        Confirmed paid = recordPayment(order, heldUntil, payment, captured, now).orElse(null);
        if (paid == null || teamSeat) {
            return Optional.ofNullable(paid);
        }
        // only the mail's cause: it is written when it is sent (OrderConfirmations), outside the purchase
        confirmations.queue(buyer, paid.order(), paid.terms().title());
        if (paid.terms().paidChangesDeal(captured)) {
            deals.paid(
                    order.tenantId(), order.dealId(), order.quantity(), captured, now); // last: the deal's row is hot
        }
        return Optional.of(paid);
    }

    /**
     * RESERVED → CONFIRMED ({@code captured}) or PENDING, only while the reservation is held until {@code heldUntil},
     * and the order's coupons issued ACTIVE or PENDING: what every paid order is, its own or a team's seat.
     */
    private Optional<Confirmed> recordPayment(
            Order order, Instant heldUntil, Payment payment, boolean captured, Instant now) {
        if (!orders.paid(order.tenantId(), order.id(), heldUntil, payment.ref(), captured, now)) {
            return Optional.empty();
        }
        SaleTerms terms = deals.saleTerms(order.tenantId(), order.dealId()).orElseThrow();
        List<Coupon> issued = Coupon.issueFor(
                order,
                terms.title(),
                captured ? CouponStatus.ACTIVE : CouponStatus.PENDING,
                terms.couponValidUntil(),
                now,
                RANDOM);
        coupons.addAll(issued);
        // what orders.paid made of the row (its status and payment ref; the rest is as reserved)
        Order paid = order.settled(captured ? OrderStatus.CONFIRMED : OrderStatus.PENDING, payment.ref());
        return Optional.of(new Confirmed(paid, issued, terms));
    }

    /**
     * No money came (declined, failed, or lost and barred at the gateway): RESERVED → {@code status}, the stock and the
     * buyer's quota given back. Nothing when it was settled before.
     */
    public void release(Order order, OrderStatus status, Instant now) {
        transaction.run(() -> {
            if (orders.release(order.tenantId(), order.id(), status, now)) {
                restock.giveBack(order);
            }
        });
    }
}
