package io.groupdeal.application.order;

import io.groupdeal.application.Idempotency;
import io.groupdeal.application.PageOf;
import io.groupdeal.application.PageRequest;
import io.groupdeal.application.mail.BuyerMails.Recipient;
import io.groupdeal.application.order.Checkout.Confirmed;
import io.groupdeal.application.order.Checkout.Reserved;
import io.groupdeal.application.order.Replays.Purchase;
import io.groupdeal.application.payment.Configured;
import io.groupdeal.application.payment.GatewayUnreachable;
import io.groupdeal.application.payment.Payment;
import io.groupdeal.application.payment.PaymentGateway;
import io.groupdeal.application.problem.Busy;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.InvalidInput.FieldError;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.problem.NotPossible;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.domain.coupon.Coupon;
import io.groupdeal.domain.coupon.CouponRepository;
import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.deal.DealStatus;
import io.groupdeal.domain.deal.SaleOption;
import io.groupdeal.domain.deal.SaleTerms;
import io.groupdeal.domain.order.BuyerQuota;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderRepository;
import io.groupdeal.domain.order.OrderRepository.KeyUse;
import io.groupdeal.domain.order.OrderStatus;
import io.groupdeal.domain.shared.AccountId;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.RequestKey;
import io.groupdeal.domain.shared.TenantId;
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
import java.util.logging.Level;
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
    @Configured
    private PaymentGateway gateway;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    @Inject
    private Replays replays;

    /** The order of the request, or what the order this key made before became (the same answer again). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public OrderView place(String idempotencyKey, PlaceOrder request) {
        String key = Idempotency.required(idempotencyKey, "order");
        requireValid(request);
        CallerAccount buyer = buyer();
        String fingerprint = request.fingerprint();
        RequestKey requestKey = new RequestKey(new AccountId(buyer.accountId()), key);
        var earlier = orders.keyUse(requestKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), fingerprint, buyer);
        }
        SaleTerms terms = deals.saleTerms(request.dealId()).orElseThrow(() -> new NotFound("deal"));
        if (terms.status() != DealStatus.ON_SALE) {
            throw notOnSale(terms);
        }
        SaleOption option = option(terms, request.optionId());
        if (terms.perBuyerLimit() != null) {
            // The buyer's count row exists, committed, before the reservation counts on it: parallel orders of one
            // buyer
            // then only ever update it, one after the other (inserting it inside their transactions could deadlock them
            // when the first rolls back). One statement outside any transaction commits by itself: no transaction of
            // its own is needed around it.
            orders.ensureQuota(new BuyerQuota(new TenantId(terms.tenantId()), terms.dealId(), requestKey.account()));
        }
        Reserved reserved = TransactionConflict.retried(() ->
                        checkout.reserve(requestKey, fingerprint, terms, option, request.quantity(), clock.instant()))
                .orElse(null);
        if (reserved == null) {
            return replay(orders.keyUse(requestKey).orElseThrow(), fingerprint, buyer);
        }
        Order order = reserved.order();
        Payment payment;
        try {
            payment = gateway.authorise(
                    order.id(), request.paymentToken(), order.amount(), order.currency(), reserved.captureAtOnce());
        } catch (GatewayUnreachable e) {
            LOG.log(
                    Level.WARNING,
                    () -> "No answer from the payment gateway for order " + order.id() + "; the reconciler settles it: "
                            + e);
            throw Purchase.ORDER.inProgress();
        }
        Optional<Confirmed> confirmed = settle(order, payment, new Recipient(buyer.email(), buyer.name()));
        return confirmed
                .map(c -> new OrderView(c.order(), terms.title(), c.coupons()))
                // settled before by the reconciler: what it became
                .orElseGet(() -> view(orders.find(order.tenantId(), order.id()).orElseThrow(), terms.title()));
    }

    /**
     * The option the order buys: the one it names, or the deal's only one. A deal of several options needs one named
     * (422 {@code option-required}); a name that is no option of this deal, whoever's it is, is 422 {@code unknown-option}.
     */
    private SaleOption option(SaleTerms terms, String optionId) {
        List<SaleOption> options = deals.saleOptions(terms.tenantId(), terms.dealId());
        return SaleOption.chosen(options, optionId)
                .orElseThrow(() -> optionId == null
                        ? new NotPossible(
                                "option-required",
                                Reason.of("option-required", options.size()),
                                List.of(FieldError.of("optionId", "required")))
                        : new NotPossible(
                                "unknown-option",
                                Reason.of("unknown-option"),
                                List.of(FieldError.of("optionId", "not-an-option"))));
    }

    /**
     * Confirms or releases the order once the gateway answered. When other buyers keep the deal's rows locked past
     * every try ({@link TransactionConflict#retried}), the order stays RESERVED (with its money, when approved) and the
     * {@link Reconciler} settles it: so the answer is 503 {@code busy} saying that, not "nothing was changed".
     */
    private Optional<Confirmed> settle(Order order, Payment payment, Recipient buyer) {
        try {
            return settling(order, payment, buyer);
        } catch (RuntimeException e) {
            if (!TransactionConflict.isCauseOf(e)) {
                throw e;
            }
            LOG.warning(
                    () -> "Order " + order.id() + " stays reserved for the reconciler, its rows stayed locked: " + e);
            throw new Busy(Reason.of("busy.order-in-progress"), RECONCILE_RETRY_SECONDS);
        }
    }

    private Optional<Confirmed> settling(Order order, Payment payment, Recipient buyer) {
        switch (payment.state()) {
            case AUTHORISED, CAPTURED -> {
                return TransactionConflict.retried(() -> checkout.confirm(order, payment, buyer, clock.instant()));
            }
            case DECLINED -> {
                TransactionConflict.retried(() -> checkout.release(order, OrderStatus.DECLINED, clock.instant()));
                throw Replays.declined();
            }
            default -> {
                TransactionConflict.retried(() -> checkout.release(order, OrderStatus.CANCELLED, clock.instant()));
                throw Replays.failed();
            }
        }
    }

    public PageOf<OrderView> list(PageRequest request) {
        String buyerId = buyer().accountId();
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
        return orders.ofBuyer(buyer().accountId(), orderId)
                .map(o -> view(o, null))
                .orElseThrow(() -> new NotFound("order"));
    }

    /** What the key's order became: the order, or the refusal it ended in, or "still in progress". */
    private OrderView replay(KeyUse earlier, String fingerprint, CallerAccount buyer) {
        return view(replays.replay(earlier, fingerprint, new AccountId(buyer.accountId()), Purchase.ORDER), null);
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

    private CallerAccount buyer() {
        return caller.account().orElseThrow(() -> new IllegalStateException("no caller behind a BUYER call"));
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
        if (request.paymentToken() == null || request.paymentToken().isBlank()) {
            errors.add(FieldError.of("paymentToken", "required"));
        } else if (request.paymentToken().length() > 100) {
            errors.add(FieldError.of("paymentToken", "max-length", 100));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (!Ids.isWellFormed(request.dealId())) {
            throw new NotFound("deal");
        }
        if (request.optionId() != null && !Ids.isWellFormed(request.optionId())) {
            throw new NotPossible(
                    "unknown-option", Reason.of("unknown-option"), List.of(FieldError.of("optionId", "not-an-option")));
        }
    }
}
