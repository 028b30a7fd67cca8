package io.groupdeal.application.deal;

import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.shared.Contention;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Moves deals on time without anyone acting: every 5 seconds, scheduled deals whose sales started go on sale, and
 * deals whose sales ended close as ENDED (tipped) or FAILED. Each move is one conditional update across tenants,
 * so every instance of a cluster may run it: a deal moves once, and at most about 5 seconds late.
 *
 * <p>A tick that meets rows other transactions hold locked (a flash sale on a deal that is due) gives way after the
 * data source's lock wait and leaves those deals to the next tick, with one line in the log: the move is conditional,
 * so nothing is lost by waiting, and a failed timeout would have the container log its stack trace every 5 seconds
 * and deliver it again anyway.
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
        try {
            int started = deals.startDueSales(clock.instant());
            int closed = deals.closeDueSales(clock.instant());
            if (started + closed > 0) {
                LOG.info(() -> "Deals moved on time: " + started + " on sale, " + closed + " closed");
            }
        } catch (Contention busy) {
            LOG.info(() -> "Deals due to move wait for the next tick: " + busy.getMessage());
        }
    }
}
