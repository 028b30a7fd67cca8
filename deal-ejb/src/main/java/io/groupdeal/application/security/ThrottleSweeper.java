package io.groupdeal.application.security;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.util.logging.Logger;

/**
 * Deletes throttle rows of windows long closed every ten minutes, so that a flood of made-up emails or addresses
 * does not leave its rows behind. Closed windows decide nothing anyway. Safe on every instance of a cluster at once.
 */
@Singleton
public class ThrottleSweeper {

    private static final Logger LOG = Logger.getLogger(ThrottleSweeper.class.getName());

    @EJB
    private Throttle throttle;

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void sweep() {
        int deleted = throttle.sweep();
        if (deleted > 0) {
            LOG.fine(() -> deleted + " closed throttle windows deleted");
        }
    }
}
