package io.groupdeal.application.order;

import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.order.BuyerQuota;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * An order that will never be paid gives its coupons back, in the caller's transaction, after the conditional update
 * that moved the order (so once): to the buyer's per-deal count, to its option's stock, then to the deal's. The rows
 * in the order a purchase takes them, the hot deal row last, so a release and a purchase never wait on each other in
 * a cycle. One home for a declined order, a refused team seat and a failed team's members.
 */
@ApplicationScoped
public class Restock {

    @Inject
    private OrderRepository orders;

    @Inject
    private DealRepository deals;

    public void giveBack(Order order) {
        orders.returnQuota(BuyerQuota.of(order), order.quantity());
        deals.unsellOption(order.tenantId(), order.dealId(), optionOf(order), order.quantity());
        deals.unsell(order.tenantId(), order.dealId(), order.quantity());
    }

    /** The order's option; an order in memory made before options were kept on it is read back for it. */
    private String optionOf(Order order) {
        return order.optionId() != null
                ? order.optionId()
                : orders.find(order.tenantId(), order.id()).orElseThrow().optionId();
    }
}
