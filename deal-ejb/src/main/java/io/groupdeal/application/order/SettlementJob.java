package io.groupdeal.application.order;

import io.groupdeal.application.ScheduledJob;
import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.deal.DealRepository.DealRef;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 2 seconds, settles the deals marked for it: captures the pending orders of a deal that tipped, voids or
 * refunds those of a deal that failed or was cancelled (an order paid at once may confirm just after its deal
 * failed); in batches of {@link SettlementBatch#SIZE}, each its own transaction. Every instance of a cluster may run
 * it: the conditional updates of {@link Settlement} decide which one settles an order.
 */
@Singleton
@Startup
// Its timer starts with the bean: only once the schema is up to date.
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SettlementJob extends ScheduledJob {

    private static final int DEALS_PER_RUN = 20;
    private static final Logger LOG = Logger.getLogger(SettlementJob.class.getName());

    @Inject
    private DealRepository deals;

    @EJB
    private SettlementBatch batches;

    public SettlementJob() {
        super("Settling deals", 2);
    }

    @Override
    protected void work() {
        for (DealRef deal : deals.settlementDue(DEALS_PER_RUN)) {
            settle(deal);
        }
    }

    private void settle(DealRef deal) {
        try {
            int settled;
            int total = 0;
            do {
                settled = batches.settle(deal);
                total += settled;
            } while (settled > 0);
            deals.settled(deal.tenantId(), deal.dealId());
            if (total > 0) {
                int count = total;
                LOG.info(() -> "Settled " + count + " orders of deal " + deal.dealId());
            }
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Settling deal " + deal.dealId() + " failed; the next run goes on from where it stopped",
                    e);
        }
    }
}
