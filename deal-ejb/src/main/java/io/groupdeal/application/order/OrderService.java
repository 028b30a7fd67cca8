package io.groupdeal.application.order;

import io.groupdeal.application.Idempotency;
import io.groupdeal.application.PageOf;
import io.groupdeal.application.PageRequest;
import io.groupdeal.application.mail.BuyerMails.Recipient;
import io.groupdeal.application.order.Checkout.Confirmed;
import io.groupdeal.application.order.Checkout.Reserved;
import io.groupdeal.application.order.Purchasing.Keyed;
import io.groupdeal.application.order.Replays.Purchase;
import io.groupdeal.application.payment.Payment;
import io.groupdeal.application.problem.Busy;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.InvalidInput.FieldError;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.domain.coupon.Coupon;
import io.groupdeal.domain.coupon.CouponRepository;
import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.deal.DealStatus;
import io.groupdeal.domain.deal.SaleOption;
import io.groupdeal.domain.deal.SaleTerms;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderRepository;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.infrastructure.database.TransactionConflict;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A buyer's orders. Buying is reserve → pay → confirm, and no transaction is open while the gateway is asked:
 * {@link Checkout#reserve} takes the idempotency key (a unique key: a parallel request with the same key waits for the
 * first reservation and answers its order), the buyer's limit and the deal's stock by conditional updates whose row
 * counts decide, and writes the order RESERVED; then the gateway authorises the amount under the order's id (and
 * captures it at once when the deal has tipped); then {@link Checkout#confirm} issues the coupons, or
 * {@link Checkout#release} gives stock and quota back. A sold-out deal or a reached limit leaves nothing behind. When
 * the gateway does not answer, the order stays RESERVED and the {@link Reconciler} settles it; the same key then
 * answers what it became.
 */
@Stateless
@RolesAllowed("BUYER")
public class OrderService {

    static final int MAX_PER_ORDER = 20;
    /** How soon a buyer whose order waits for the reconciler may ask again with the same key. */
    private static final long RECONCILE_RETRY_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(OrderService.class.getName());

    @Inject
    private OrderRepository orders;

    @Inject
    private CouponRepository coupons;

    @Inject
    private DealRepository deals;

    @Inject
    private Checkout checkout;

    @Inject
    private Purchasing purchasing;

    @Inject
    private Clock clock;

    /** The order of the request, or what the order this key made before became (the same answer again). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public OrderView place(String idempotencyKey, PlaceOrder request) {
        String key = Idempotency.required(idempotencyKey, "order");
        requireValid(request);
        Keyed keyed = purchasing.keyed(key, request.fingerprint(), Purchase.ORDER);
        Optional<Order> earlier = purchasing.earlier(keyed);
        if (earlier.isPresent()) {
            return view(earlier.get(), null);
        }
        SaleTerms terms = deals.saleTerms(request.dealId()).orElseThrow(() -> new NotFound("deal"));
        if (terms.status() != DealStatus.ON_SALE) {
            throw notOnSale(terms);
        }
        SaleOption option = purchasing.option(terms, request.optionId(), Purchase.ORDER);
        purchasing.ensureQuota(terms, keyed.key());
        Reserved reserved = TransactionConflict.retried(() -> checkout.reserve(
                        keyed.key(), keyed.fingerprint(), terms, option, request.quantity(), clock.instant()))
                .orElse(null);
        if (reserved == null) {
            return view(purchasing.earlier(keyed).orElseThrow(), null);
        }
        Order order = reserved.order();
        Payment payment = purchasing.authorise(order, request.paymentToken(), reserved.captureAtOnce(), Purchase.ORDER);
        Optional<Confirmed> confirmed = settle(
                reserved,
                payment,
                new Recipient(keyed.buyer().email(), keyed.buyer().name()));
        return confirmed
                .map(c -> new OrderView(c.order(), terms.title(), c.coupons()))
                // settled or claimed by the reconciler meanwhile: what it became, answered as the key's replay would
                .orElseGet(() -> view(purchasing.earlier(keyed).orElseThrow(), terms.title()));
    }

    /**
     * Confirms or releases the order once the gateway answered. When other buyers keep the deal's rows locked past
     * every try ({@link TransactionConflict#retried}), the order stays RESERVED (with its money, when approved) and the
     * {@link Reconciler} settles it: so the answer is 503 {@code busy} saying that, not "nothing was changed".
     */
    private Optional<Confirmed> settle(Reserved reserved, Payment payment, Recipient buyer) {
        Order order = reserved.order();
        try {
            return settling(reserved, payment, buyer);
        } catch (RuntimeException e) {
            if (!TransactionConflict.isCauseOf(e)) {
                throw e;
            }
            LOG.warning(
                    () -> "Order " + order.id() + " stays reserved for the reconciler, its rows stayed locked: " + e);
            throw new Busy(Reason.of("busy.order-in-progress"), RECONCILE_RETRY_SECONDS);
        }
    }

    private Optional<Confirmed> settling(Reserved reserved, Payment payment, Recipient buyer) {
        Order order = reserved.order();
        return switch (payment.state()) {
            case AUTHORISED, CAPTURED ->
                TransactionConflict.retried(
                        () -> checkout.confirm(order, reserved.heldUntil(), payment, buyer, clock.instant()));
            default -> throw purchasing.refused(order, payment, checkout::release);
        };
    }

    public PageOf<OrderView> list(PageRequest request) {
        String buyerId = purchasing.buyer().accountId();
        List<OrderView> views = orders.ofBuyer(buyerId, request.page(), request.size()).stream()
                .map(o -> view(o, null))
                .toList();
        return new PageOf<>(views, request.page(), request.size(), orders.countOfBuyer(buyerId));
    }

    /** One of the caller's orders; another buyer's order answers like a missing one. */
    public OrderView get(String orderId) {
        if (!Ids.isWellFormed(orderId)) {
            throw new NotFound("order");
        }
        return orders.ofBuyer(purchasing.buyer().accountId(), orderId)
                .map(o -> view(o, null))
                .orElseThrow(() -> new NotFound("order"));
    }

    private OrderView view(Order order, String dealTitle) {
        List<Coupon> of = coupons.ofOrder(order.tenantId(), order.id());
        String title = dealTitle != null
                ? dealTitle
                : !of.isEmpty()
                        ? of.get(0).dealTitle()
                        : deals.saleTerms(order.tenantId(), order.dealId())
                                .map(SaleTerms::title)
                                .orElse("");
        return new OrderView(order, title, of);
    }

    /** 409 {@code deal-not-on-sale}, worded by why (scheduled, ended, cancelled); a team buy answers it too. */
    public static Clash notOnSale(SaleTerms terms) {
        return new Clash(
                "deal-not-on-sale",
                Reason.of(
                        switch (terms.status()) {
                            case SCHEDULED -> "deal-not-on-sale.scheduled";
                            case ENDED, FAILED -> "deal-not-on-sale.ended";
                            case CANCELLED -> "deal-not-on-sale.cancelled";
                            default -> "deal-not-on-sale";
                        }));
    }

    private static void requireValid(PlaceOrder request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw new InvalidInput("body", "required");
        }
        if (request.dealId() == null || request.dealId().isBlank()) {
            errors.add(FieldError.of("dealId", "required"));
        }
        if (request.quantity() == null) {
            errors.add(FieldError.of("quantity", "required"));
        } else if (request.quantity() < 1 || request.quantity() > MAX_PER_ORDER) {
            errors.add(FieldError.of("quantity", "between", 1, MAX_PER_ORDER));
        }
        Purchasing.checkPaymentToken(request.paymentToken(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Purchasing.requireWellFormed(request.dealId(), request.optionId());
    }
}
