package io.groupdeal.application.account;

import io.groupdeal.domain.account.AccountRepository;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Deletes the hashes of expired tokens every half hour, so that the token table holds only live logins. Expired
 * tokens are refused anyway; this only keeps the table small. Safe on every instance of a cluster at once.
 */
@Singleton
public class ExpiredTokenSweeper {

    private static final Logger LOG = Logger.getLogger(ExpiredTokenSweeper.class.getName());

    @Inject
    private AccountRepository accounts;

    @Inject
    private Clock clock;

    @Schedule(hour = "*", minute = "*/30", persistent = false)
    void sweep() {
        int deleted = accounts.deleteTokensExpiredBefore(clock.instant());
        if (deleted > 0) {
            LOG.fine(() -> deleted + " expired tokens deleted");
        }
    }
}
