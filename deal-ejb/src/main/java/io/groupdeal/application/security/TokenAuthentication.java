package io.groupdeal.application.security;

import io.groupdeal.domain.account.TokenHolders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * The check behind every authenticated request: the token's SHA-256 looked up with its account and tenant in one
 * statement ({@link TokenHolders}), outside any transaction. Nothing is cached, so revoking a token (logout), removing
 * an account (staff deleted) or suspending a merchant takes effect at the next request on every instance of a
 * cluster: each request reads the committed rows.
 */
@ApplicationScoped
public class TokenAuthentication {

    @Inject
    private TokenHolders holders;

    @Inject
    private Clock clock;

    /** The account behind a live token, or empty when the token is malformed, unknown, expired, revoked or suspended. */
    public Optional<CallerAccount> authenticate(String token) {
        if (!BearerTokens.isWellFormed(token)) {
            return Optional.empty();
        }
        return holders.holder(BearerTokens.hash(token), clock.instant())
                .filter(TokenHolders.TokenHolder::mayAct)
                .map(h -> new CallerAccount(
                        h.accountId(),
                        h.email(),
                        h.name(),
                        h.role(),
                        h.tenantId(),
                        h.tenantName(),
                        h.undoWindowMinutes(),
                        h.language()));
    }
}
