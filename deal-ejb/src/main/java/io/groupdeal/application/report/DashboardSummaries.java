package io.groupdeal.application.report;

import io.groupdeal.application.ScheduledJob;
import io.groupdeal.domain.report.DashboardHours;
import io.groupdeal.domain.report.HourSummaries;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 5 seconds: summarises the hours that are over, and builds again the summarised hours that coupon changes
 * marked stale, for every tenant with such work, one {@link SummaryPass} (one transaction) after the other. Safe on
 * any number of instances (a pass claims its tenant in the database, see {@link HourSummaries}). An hour counts as
 * over a minute after its end; a purchase or redemption that still lands in it marks it, so the minute only saves
 * work, it is not what keeps the figures right.
 */
@Singleton
@Startup
// Its timer starts with the bean: only once the schema is up to date.
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DashboardSummaries extends ScheduledJob {

    static final Duration GRACE = Duration.ofMinutes(1);
    /** A run stops starting passes after this long; the next run goes on. */
    static final Duration BUDGET = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(DashboardSummaries.class.getName());

    @Inject
    private HourSummaries summaries;

    @EJB
    private SummaryPass pass;

    @Inject
    private Clock clock;

    public DashboardSummaries() {
        super("Dashboard summaries", 5);
    }

    @Override
    protected void work() {
        Instant began = clock.instant();
        long closedUntil = DashboardHours.hourOf(began.minus(GRACE));
        for (HourSummaries.Due due : summaries.tenantsDue(closedUntil)) {
            String tenant = due.tenantId();
            try {
                if (!due.started()) {
                    pass.start(tenant, closedUntil, clock.instant());
                }
                while (pass.run(tenant, closedUntil, clock.instant())) {
                    if (clock.instant().isAfter(began.plus(BUDGET))) {
                        return;
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "Dashboard summaries of tenant " + tenant + " not built in this run; the next run tries again",
                        e);
            }
            if (clock.instant().isAfter(began.plus(BUDGET))) {
                return;
            }
        }
    }
}
