package io.groupdeal.application.order;

import io.groupdeal.application.order.Replays.Purchase;
import io.groupdeal.application.payment.Configured;
import io.groupdeal.application.payment.GatewayUnreachable;
import io.groupdeal.application.payment.Payment;
import io.groupdeal.application.payment.PaymentGateway;
import io.groupdeal.application.problem.InvalidInput.FieldError;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.problem.NotPossible;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.deal.SaleOption;
import io.groupdeal.domain.deal.SaleTerms;
import io.groupdeal.domain.order.BuyerQuota;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderRepository;
import io.groupdeal.domain.order.OrderStatus;
import io.groupdeal.domain.shared.AccountId;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.RequestKey;
import io.groupdeal.domain.shared.TenantId;
import io.groupdeal.infrastructure.database.TransactionConflict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The steps an order ({@link OrderService}) and a team's seat ({@code TeamService}) take alike between the buyer's
 * request and the settled purchase: the buyer's key, the buyer's quota row, the option bought, the gateway's
 * authorisation, and the release of an order whose payment was refused. One home, so both purchases refuse and settle
 * alike; what differs is said by their {@link Purchase}.
 */
@ApplicationScoped
public class Purchasing {

    private static final Logger LOG = Logger.getLogger(Purchasing.class.getName());
    private static final int MAX_TOKEN = 100;

    @Inject
    private OrderRepository orders;

    @Inject
    private DealRepository deals;

    @Inject
    @Configured
    private PaymentGateway gateway;

    @Inject
    private Replays replays;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    /** Releases an order out of RESERVED: {@link Checkout#release} and its team seat's counterpart. */
    @FunctionalInterface
    public interface Release {
        void release(Order order, OrderStatus status, Instant now);
    }

    /** The buyer behind the call (the boundaries let only buyers buy). */
    public CallerAccount buyer() {
        return caller.account().orElseThrow(() -> new IllegalStateException("no caller behind a BUYER call"));
    }

    /**
     * A purchase request under its Idempotency-Key: the buyer behind the call, the key (the buyer's own: buyers are
     * platform accounts, whatever the deal's tenant), the request's fingerprint, and what it buys.
     */
    public record Keyed(CallerAccount buyer, RequestKey key, String fingerprint, Purchase purchase) {}

    /** The caller's request under the key. */
    public Keyed keyed(String idempotencyKey, String fingerprint, Purchase purchase) {
        CallerAccount buyer = buyer();
        return new Keyed(
                buyer, new RequestKey(new AccountId(buyer.accountId()), idempotencyKey), fingerprint, purchase);
    }

    /**
     * What the key's earlier request became, when the key was used before: its order, settled; or the refusal it
     * ended in, thrown ({@link Replays#replay}).
     */
    public Optional<Order> earlier(Keyed keyed) {
        return orders.keyUse(keyed.key())
                .map(use -> replays.replay(use, keyed.fingerprint(), keyed.key().account(), keyed.purchase()));
    }

    /**
     * The buyer's count row of a deal with a per-buyer limit, committed before the reservation counts on it: parallel
     * purchases of one buyer then only ever update it, one after the other (inserting it inside their transactions
     * could deadlock them when the first rolls back). One statement outside any transaction commits by itself: no
     * transaction of its own is needed around it.
     */
    public void ensureQuota(SaleTerms terms, RequestKey key) {
        if (terms.perBuyerLimit() != null) {
            orders.ensureQuota(new BuyerQuota(new TenantId(terms.tenantId()), terms.dealId(), key.account()));
        }
    }

    /**
     * The option bought: the one named, or the deal's only one. A deal of several options needs one named (422
     * {@code option-required}); a name that is no option of this deal, whoever's it is, is 422 {@code unknown-option}.
     */
    public SaleOption option(SaleTerms terms, String optionId, Purchase purchase) {
        List<SaleOption> options = deals.saleOptions(terms.tenantId(), terms.dealId());
        return SaleOption.chosen(options, optionId)
                .orElseThrow(() -> optionId == null
                        ? new NotPossible(
                                "option-required",
                                Reason.of(purchase.optionRequiredReason(), options.size()),
                                List.of(FieldError.of("optionId", "required")))
                        : unknownOption());
    }

    /** The payment token's field errors: it is required, and at most 100 characters long. */
    public static void checkPaymentToken(String token, List<FieldError> errors) {
        if (token == null || token.isBlank()) {
            errors.add(FieldError.of("paymentToken", "required"));
        } else if (token.length() > MAX_TOKEN) {
            errors.add(FieldError.of("paymentToken", "max-length", MAX_TOKEN));
        }
    }

    /**
     * A deal's or option's id that cannot be one answers as one that names nothing: 404 {@code deal}, 422
     * {@code unknown-option} (the option is optional).
     */
    public static void requireWellFormed(String dealId, String optionId) {
        if (!Ids.isWellFormed(dealId)) {
            throw new NotFound("deal");
        }
        if (optionId != null && !Ids.isWellFormed(optionId)) {
            throw unknownOption();
        }
    }

    /** 422 {@code unknown-option}: the name is no option of the deal. */
    public static NotPossible unknownOption() {
        return new NotPossible(
                "unknown-option", Reason.of("unknown-option"), List.of(FieldError.of("optionId", "not-an-option")));
    }

    /**
     * The gateway's answer to the authorisation of the reserved order's amount under its id (captured at once when
     * {@code captureAtOnce}); 503 in progress when the gateway does not answer: the order stays RESERVED and the
     * {@link Reconciler} settles it, the same key then answers what it became.
     */
    public Payment authorise(Order order, String paymentToken, boolean captureAtOnce, Purchase purchase) {
        try {
            return gateway.authorise(order.id(), paymentToken, order.amount(), order.currency(), captureAtOnce);
        } catch (GatewayUnreachable e) {
            LOG.log(
                    Level.WARNING,
                    () -> "No answer from the payment gateway for order " + order.id() + " (" + purchase.noun()
                            + "); the reconciler settles it: " + e);
            throw purchase.inProgress();
        }
    }

    /**
     * A payment the gateway did not approve: the order released (DECLINED, or CANCELLED when the payment failed
     * otherwise) and the refusal to throw, 402 {@code payment-declined} or 503 {@code payment-unavailable}.
     */
    public RuntimeException refused(Order order, Payment payment, Release release) {
        if (payment.state() == Payment.State.DECLINED) {
            TransactionConflict.retried(() -> release.release(order, OrderStatus.DECLINED, clock.instant()));
            return Replays.declined();
        }
        TransactionConflict.retried(() -> release.release(order, OrderStatus.CANCELLED, clock.instant()));
        return Replays.failed();
    }
}
