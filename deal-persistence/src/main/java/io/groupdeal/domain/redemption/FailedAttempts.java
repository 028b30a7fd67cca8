package io.groupdeal.domain.redemption;

import static io.groupdeal.domain.shared.NativeSql.instant;

import io.groupdeal.domain.shared.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Failed code attempts per account (unknown codes, wrong check symbols), kept in the database so that every server
 * instance counts the same ones. Rows that left the window are deleted when the account fails again.
 */
@ApplicationScoped
public class FailedAttempts {

    @Inject
    private NativeSql sql;

    public void record(String accountId, Instant now, Instant windowStart) {
        sql.update("DELETE FROM counter_failure WHERE account_id = ? AND failed_at < ?", List.of(accountId, windowStart));
        sql.update("INSERT INTO counter_failure (account_id, failed_at) VALUES (?, ?)", List.of(accountId, now));
    }

    /** The time of the {@code n}th newest failure since {@code since}; empty when there were fewer. */
    public Optional<Instant> nthNewestSince(String accountId, Instant since, int n) {
        return sql.rows("SELECT failed_at FROM counter_failure WHERE account_id = ? AND failed_at >= ?"
                + " ORDER BY failed_at DESC LIMIT 1 OFFSET ?", List.of(accountId, since, n - 1)).stream()
                .findFirst().map(r -> instant(r[0]));
    }
}
