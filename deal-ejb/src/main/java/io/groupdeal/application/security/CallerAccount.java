package io.groupdeal.application.security;

import io.groupdeal.domain.account.Role;
import java.time.Duration;

/**
 * The authenticated account behind a request, as the identity store found it, with what the request needs of its
 * tenant: read with the token in one statement, so nothing of it is read again during the request.
 *
 * @param undoWindowMinutes the tenant's undo window at the counter (0 without a tenant)
 */
public record CallerAccount(String accountId, String email, String name, Role role, String tenantId, String tenantName,
                            int undoWindowMinutes) {

    /** How long a redemption of this account's business can be undone. */
    public Duration undoWindow() {
        return Duration.ofMinutes(undoWindowMinutes);
    }
}
