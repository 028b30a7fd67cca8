package io.groupdeal.application.team;

import io.groupdeal.application.ScheduledJob;
import io.groupdeal.domain.team.Team;
import io.groupdeal.domain.team.TeamRepository;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 5 seconds, closes the teams whose time ran out (FAILED: every authorisation voided, coupons VOID, stock and
 * quota back, members mailed) and finishes what closing left (a payment the reconciler settled later). Each team in
 * its own {@link TeamBatch} transaction; safe on any number of instances.
 */
@Singleton
@Startup
// Its timer starts with the bean: only once the schema is up to date.
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TeamJob extends ScheduledJob {

    private static final int TEAMS_PER_RUN = 100;
    private static final Logger LOG = Logger.getLogger(TeamJob.class.getName());

    @Inject
    private TeamRepository teams;

    @EJB
    private TeamBatch batches;

    @Inject
    private Clock clock;

    public TeamJob() {
        super("Closing teams", 5);
    }

    @Override
    protected void work() {
        for (Team team : teams.due(clock.instant(), TEAMS_PER_RUN)) {
            try {
                batches.settle(team);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Closing team " + team.id() + " failed; the next run tries again", e);
            }
        }
    }
}
