package io.groupdeal.application.order;

import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.deal.DealRepository.DealRef;
import io.groupdeal.domain.deal.DealRepository.Standing;
import io.groupdeal.domain.deal.DealStatus;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * One batch of a deal's settlement in a transaction of its own: a crash loses at most the batch in flight, which the
 * next run does again (the orders it did not commit are still in the state it looks for).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SettlementBatch {

    static final int SIZE = 100;

    @Inject
    private DealRepository deals;

    @Inject
    private OrderRepository orders;

    @Inject
    private Settlement settlement;

    @Inject
    private Clock clock;

    /** Settles up to {@link #SIZE} orders of the deal; answers how many it looked at (0: nothing left). */
    public int settle(DealRef ref) {
        Standing deal = deals.standing(ref.tenantId(), ref.dealId()).orElse(null);
        if (deal == null) {
            return 0;
        }
        Instant now = clock.instant();
        if (deal.status() == DealStatus.CANCELLED || deal.status() == DealStatus.FAILED) {
            List<Order> pending = orders.pendingOfDeal(ref.tenantId(), ref.dealId(), SIZE);
            boolean cancelled = deal.status() == DealStatus.CANCELLED;
            pending.forEach(o -> settlement.release(o, deal.title(), cancelled, now));
            if (!pending.isEmpty()) {
                return pending.size();
            }
            List<Order> captured = orders.refundableOfDeal(ref.tenantId(), ref.dealId(), SIZE);
            captured.forEach(o -> settlement.refundCancelled(o, deal.title(), now));
            return captured.size();
        }
        if (deal.tipped()) {
            // a team member's order is captured when its team fills (TeamJob), whatever the deal does
            List<Order> outsideTeams = orders.pendingOutsideTeams(ref.tenantId(), ref.dealId(), SIZE);
            outsideTeams.forEach(o -> settlement.captureTipped(o, deal.title(), now));
            return outsideTeams.size();
        }
        return 0;
    }
}
