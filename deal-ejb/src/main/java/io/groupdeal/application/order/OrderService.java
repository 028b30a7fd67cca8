package io.groupdeal.application.order;

import io.groupdeal.application.Idempotency;
import io.groupdeal.application.PageOf;
import io.groupdeal.application.PageRequest;
import io.groupdeal.application.mail.BuyerMails;
import io.groupdeal.application.mail.Outbox;
import io.groupdeal.application.payment.Configured;
import io.groupdeal.application.payment.GatewayUnreachable;
import io.groupdeal.application.payment.Payment;
import io.groupdeal.application.payment.PaymentGateway;
import io.groupdeal.application.problem.Conflict;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.InvalidInput.FieldError;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.problem.PaymentDeclined;
import io.groupdeal.application.problem.PaymentUnavailable;
import io.groupdeal.application.problem.Unprocessable;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.domain.catalog.CatalogDeal;
import io.groupdeal.domain.catalog.CatalogRepository;
import io.groupdeal.domain.coupon.Coupon;
import io.groupdeal.domain.coupon.CouponCode;
import io.groupdeal.domain.coupon.CouponRepository;
import io.groupdeal.domain.coupon.CouponStatus;
import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.deal.DealRepository.Sale;
import io.groupdeal.domain.deal.DealStatus;
import io.groupdeal.domain.deal.SaleTerms;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderRepository;
import io.groupdeal.domain.order.OrderRepository.KeyUse;
import io.groupdeal.domain.order.OrderStatus;
import io.groupdeal.domain.shared.Ids;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A buyer's orders. One order is one transaction that the database keeps honest under any concurrency: the
 * idempotency key is a unique key (a parallel request with the same key waits for the first and answers its order),
 * the buyer's limit and the deal's quantity are conditional updates whose row counts decide, and the deal's stock is
 * raised last so that its row is locked only briefly. A declined or failed payment, a sold-out deal or a reached
 * limit rolls everything back: no stock used, no order, no authorisation in the ledger. The sale that reaches the
 * tipping point tips the deal exactly once; its order and every later one are captured at once, the earlier pending
 * ones by {@link Settlement}.
 */
@Stateless
@RolesAllowed("BUYER")
public class OrderService {

    static final int MAX_PER_ORDER = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private OrderRepository orders;

    @Inject
    private CouponRepository coupons;

    @Inject
    private DealRepository deals;

    @Inject
    private CatalogRepository catalog;

    @Inject
    private QuotaRows quotaRows;

    @Inject
    @Configured
    private PaymentGateway gateway;

    @Inject
    private Outbox outbox;

    @Inject
    private BuyerMails mails;

    @Inject
    private Settlement settlement;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    /** The order of the request, or the order this key made before (the same answer again). */
    public OrderView place(String idempotencyKey, PlaceOrder request) {
        String key = Idempotency.required(idempotencyKey, "order");
        requireValid(request);
        CallerAccount buyer = buyer();
        String fingerprint = request.fingerprint();
        var earlier = orders.keyUse(buyer.accountId(), key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), fingerprint, buyer);
        }
        SaleTerms terms = deals.saleTerms(request.dealId()).orElseThrow(() -> new NotFound("deal"));
        if (terms.status() != DealStatus.ON_SALE) {
            throw notOnSale(terms);
        }
        Instant now = clock.instant();
        String orderId = Ids.newId();
        if (!orders.claimKey(buyer.accountId(), key, fingerprint, terms.tenantId(), orderId, now)) {
            return replay(orders.keyUse(buyer.accountId(), key).orElseThrow(), fingerprint, buyer);
        }
        int quantity = request.quantity();
        if (terms.perBuyerLimit() != null) {
            quotaRows.ensure(terms.tenantId(), terms.dealId(), buyer.accountId());
            if (!orders.takeQuota(terms.tenantId(), terms.dealId(), buyer.accountId(), quantity, terms.perBuyerLimit())) {
                throw new Conflict("per-buyer-limit", "Limit reached", "A buyer may hold at most " + terms.perBuyerLimit()
                        + " coupons of this deal.");
            }
        }
        BigDecimal amount = terms.price().multiply(BigDecimal.valueOf(quantity));
        CatalogDeal deal = catalog.find(terms.dealId(), false).orElseThrow(() -> notOnSale(terms));
        String paymentRef = authorise(request.paymentToken(), amount, terms.currency(), orderId);

        Order order = new Order(terms.tenantId(), orderId, terms.dealId(), buyer.accountId(), quantity, terms.price(), amount,
                terms.currency(), OrderStatus.PENDING, paymentRef, now);
        orders.add(order);
        List<Coupon> issued = issue(order, terms, now);
        coupons.addAll(issued);

        Sale sale = deals.sell(terms.tenantId(), terms.dealId(), quantity, now);
        if (!sale.sold()) {
            throw sale == Sale.SOLD_OUT
                    ? new Conflict("sold-out", "Sold out", "Not enough coupons are left of this deal.")
                    : notOnSale(terms);
        }
        if (sale.paidAtOnce()) {
            settlement.capture(order, now);
        }
        OrderView placed = view(orders.find(order.tenantId(), orderId).orElseThrow(), terms.title());
        outbox.write(mails.orderConfirmed(new BuyerMails.Recipient(buyer.email(), buyer.name()), placed.order(),
                placed.coupons(), deal));
        return placed;
    }

    private String authorise(String token, BigDecimal amount, String currency, String orderId) {
        Payment payment;
        try {
            payment = gateway.authorise(orderId, token, amount, currency, false);
        } catch (GatewayUnreachable e) {
            throw new PaymentUnavailable("The payment service did not answer; please try again.");
        }
        return switch (payment.state()) {
            case AUTHORISED, CAPTURED -> payment.ref();
            case DECLINED -> throw new PaymentDeclined("The card was declined. Nothing was charged.");
            default -> throw new PaymentUnavailable("The payment service failed. Nothing was charged; please try again.");
        };
    }

    public PageOf<OrderView> list(PageRequest request) {
        String buyerId = buyer().accountId();
        List<OrderView> views = orders.ofBuyer(buyerId, request.page(), request.size()).stream()
                .map(o -> view(o, null)).toList();
        return new PageOf<>(views, request.page(), request.size(), orders.countOfBuyer(buyerId));
    }

    /** One of the caller's orders; another buyer's order answers like a missing one. */
    public OrderView get(String orderId) {
        if (!Ids.isWellFormed(orderId)) {
            throw new NotFound("order");
        }
        return orders.ofBuyer(buyer().accountId(), orderId).map(o -> view(o, null)).orElseThrow(() -> new NotFound("order"));
    }

    private OrderView replay(KeyUse earlier, String fingerprint, CallerAccount buyer) {
        if (!earlier.requestHash().equals(fingerprint)) {
            throw new Unprocessable("idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was used for a different order; use a new key for a new order.", List.of());
        }
        return orders.ofBuyer(buyer.accountId(), earlier.orderId()).map(o -> view(o, null))
                .orElseThrow(() -> new NotFound("order"));
    }

    private OrderView view(Order order, String dealTitle) {
        List<Coupon> of = coupons.ofOrder(order.tenantId(), order.id());
        String title = dealTitle != null ? dealTitle : of.isEmpty() ? "" : of.get(0).dealTitle();
        return new OrderView(order, title, of);
    }

    private static List<Coupon> issue(Order order, SaleTerms terms, Instant now) {
        List<Coupon> issued = new ArrayList<>(order.quantity());
        for (int i = 0; i < order.quantity(); i++) {
            issued.add(Coupon.issue(order.tenantId(), Ids.newId(), order.dealId(), terms.title(), order.id(), order.buyerId(),
                    CouponCode.random(RANDOM), CouponStatus.PENDING, terms.price(), terms.currency(),
                    terms.couponValidUntil(), now));
        }
        return issued;
    }

    private CallerAccount buyer() {
        return caller.account().orElseThrow(() -> new IllegalStateException("no caller behind a BUYER call"));
    }

    private static Conflict notOnSale(SaleTerms terms) {
        return new Conflict("deal-not-on-sale", "Deal not on sale", switch (terms.status()) {
            case SCHEDULED -> "The sale of this deal has not started yet.";
            case ENDED, FAILED -> "The sale of this deal has ended.";
            case CANCELLED -> "This deal was cancelled.";
            default -> "This deal is not on sale now.";
        });
    }

    private static void requireValid(PlaceOrder request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw new InvalidInput("body", "is required");
        }
        if (request.dealId() == null || request.dealId().isBlank()) {
            errors.add(new FieldError("dealId", "is required"));
        }
        if (request.quantity() == null) {
            errors.add(new FieldError("quantity", "is required"));
        } else if (request.quantity() < 1 || request.quantity() > MAX_PER_ORDER) {
            errors.add(new FieldError("quantity", "must be between 1 and " + MAX_PER_ORDER));
        }
        if (request.paymentToken() == null || request.paymentToken().isBlank()) {
            errors.add(new FieldError("paymentToken", "is required"));
        } else if (request.paymentToken().length() > 100) {
            errors.add(new FieldError("paymentToken", "must be at most 100 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (!Ids.isWellFormed(request.dealId())) {
            throw new NotFound("deal");
        }
    }
}
