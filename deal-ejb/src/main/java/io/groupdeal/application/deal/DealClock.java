package io.groupdeal.application.deal;

import io.groupdeal.domain.deal.DealRepository;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Moves deals on time without anyone acting: every 5 seconds, scheduled deals whose sales started go on sale, and
 * deals whose sales ended close as ENDED (tipped) or FAILED. Each move is one conditional update across tenants,
 * so every instance of a cluster may run it: a deal moves once, and at most about 5 seconds late.
 */
@Singleton
public class DealClock {

    private static final Logger LOG = Logger.getLogger(DealClock.class.getName());

    @Inject
    private DealRepository deals;

    @Inject
    private Clock clock;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void tick() {
        int started = deals.startDueSales(clock.instant());
        int closed = deals.closeDueSales(clock.instant());
        if (started + closed > 0) {
            LOG.info(() -> "Deals moved on time: " + started + " on sale, " + closed + " closed");
        }
    }
}
