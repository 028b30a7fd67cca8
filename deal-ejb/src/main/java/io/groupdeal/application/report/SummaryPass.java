package io.groupdeal.application.report;

import io.groupdeal.domain.report.HourSummaries;
import io.groupdeal.domain.report.SummaryPlan;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * One step of the summary job for one tenant, each in a transaction of its own (see {@link HourSummaries} for why a
 * pass cannot lose a change and may run on any number of instances at once).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SummaryPass {

    /** At most this many hours built per pass (a week), so that a pass stays a short transaction. */
    static final int MAX_HOURS = 168;
    /** Marks read per pass, of rows and of coupons each. */
    static final int MAX_MARKS = 2000;

    @Inject
    private HourSummaries summaries;

    /** Creates the tenant's summary row when it has none; its own transaction, before any pass. */
    public void start(String tenantId, long closedUntil, Instant now) {
        summaries.start(tenantId, closedUntil, now);
    }

    /**
     * Claims the tenant and builds what {@link SummaryPlan} says; answers whether there may be more to do (false when
     * another instance holds the tenant or nothing was left).
     */
    public boolean run(String tenantId, long closedUntil, Instant now) {
        Long until = summaries.claim(tenantId).orElse(null);
        if (until == null) {
            return false;
        }
        long next = SummaryPlan.advance(until, closedUntil, MAX_HOURS);
        SummaryPlan plan = SummaryPlan.of(
                until,
                closedUntil,
                summaries.marks(tenantId, next, MAX_MARKS),
                summaries.couponMarks(tenantId, MAX_MARKS),
                MAX_HOURS);
        if (plan.idle()) {
            return false;
        }
        plan.rebuild().forEach(range -> summaries.build(tenantId, range[0], range[1]));
        plan.days().forEach(range -> summaries.buildDays(tenantId, range[0], range[1]));
        summaries.forget(tenantId, plan.forget());
        summaries.clear(tenantId, plan.clear());
        if (plan.summarisedUntil() != until) {
            summaries.advance(tenantId, plan.summarisedUntil(), now);
        }
        return true;
    }
}
