package io.groupdeal.application.order;

import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.problem.NotPossible;
import io.groupdeal.application.problem.PaymentDeclined;
import io.groupdeal.application.problem.PaymentUnavailable;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderRepository;
import io.groupdeal.domain.order.OrderRepository.KeyUse;
import io.groupdeal.domain.order.OrderStatus;
import io.groupdeal.domain.shared.AccountId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A purchase sent again under its Idempotency-Key (an order, a team's seat) answers what the first request became:
 * its order once the payment is settled, or the refusal it ended in, or "still in progress"; another body under the
 * same key is 422. One home for both purchases, so an order and a team's seat never answer a replay differently.
 */
@ApplicationScoped
public class Replays {

    private static final long SETTLED_POLL_MILLIS = 100;

    /**
     * What the key bought, by the words of its answers: {@code noun} names it in a refusal (the key reused, nothing
     * found), {@code inProgressReason} says its payment is still under way, {@code optionRequiredReason} that it
     * needs one of the deal's options named.
     */
    public record Purchase(String noun, String inProgressReason, String optionRequiredReason) {

        public static final Purchase ORDER =
                new Purchase("order", "payment-unavailable.in-progress", "option-required");
        public static final Purchase TEAM_SEAT =
                new Purchase("team", "payment-unavailable.team-in-progress", "option-required.team");

        /** 503: the gateway has not answered yet; the reconciler settles the order and the same key then answers. */
        public PaymentUnavailable inProgress() {
            return new PaymentUnavailable(Reason.of(inProgressReason));
        }
    }

    @Inject
    private OrderRepository orders;

    @Inject
    @ConfigProperty(name = "deal.payment.timeout", defaultValue = "PT5S")
    private Duration paymentTimeout;

    /** The order the key's first request made, settled; throws the refusal that request ended in. */
    public Order replay(KeyUse earlier, String fingerprint, AccountId buyer, Purchase purchase) {
        if (!earlier.requestHash().equals(fingerprint)) {
            throw new NotPossible("idempotency-key-reused", Reason.of("idempotency-key-reused." + purchase.noun));
        }
        Order order = settled(buyer.value(), earlier.orderId(), purchase);
        if (order.status() == OrderStatus.RESERVED) {
            throw purchase.inProgress();
        }
        if (order.status() == OrderStatus.DECLINED) {
            throw declined();
        }
        if (order.status() == OrderStatus.CANCELLED && order.paymentRef() == null) {
            throw failed();
        }
        return order;
    }

    /**
     * The key's order once its payment is settled: a request sent again while the first is still paying waits for it
     * (no longer than the gateway may take, no transaction open), so both answer the same.
     */
    private Order settled(String buyerId, String orderId, Purchase purchase) {
        long deadline = System.nanoTime() + paymentTimeout.plusSeconds(1).toNanos();
        Order order = orders.ofBuyer(buyerId, orderId).orElseThrow(() -> new NotFound(purchase.noun));
        while (order.status() == OrderStatus.RESERVED && System.nanoTime() < deadline) {
            try {
                Thread.sleep(SETTLED_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            order = orders.ofBuyer(buyerId, orderId).orElseThrow(() -> new NotFound(purchase.noun));
        }
        return order;
    }

    /** 402: the gateway declined the card. */
    public static PaymentDeclined declined() {
        return new PaymentDeclined();
    }

    /** 503: the payment failed; nothing was bought. */
    public static PaymentUnavailable failed() {
        return new PaymentUnavailable(Reason.of("payment-unavailable.failed"));
    }
}
