package io.groupdeal.application.security;

import io.groupdeal.domain.account.Role;
import io.groupdeal.domain.shared.Language;
import java.time.Duration;
import java.util.Optional;

/**
 * The authenticated account behind a request, as the authentication found it, with what the request needs of its
 * tenant: read with the token in one statement, so nothing of it is read again during the request.
 *
 * @param undoWindowMinutes the tenant's undo window at the counter (0 without a tenant)
 * @param language the language the account chose for the pages, null when it never chose
 */
public record CallerAccount(
        String accountId,
        String email,
        String name,
        Role role,
        String tenantId,
        String tenantName,
        int undoWindowMinutes,
        Language language) {

    /** The language the account chose, if it ever chose one. */
    public Optional<Language> chosenLanguage() {
        return Optional.ofNullable(language);
    }

    /** How long a redemption of this account's business can be undone. */
    public Duration undoWindow() {
        return Duration.ofMinutes(undoWindowMinutes);
    }
}
