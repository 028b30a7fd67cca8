package io.groupdeal.application.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The account of the current request, set once by the authentication module after the token was checked.
 * Boundaries and the tenant interceptor read it; nothing a client sends can set it.
 */
@RequestScoped
public class Caller {

    private CallerAccount account;

    public void authenticated(CallerAccount account) {
        this.account = account;
    }

    public Optional<CallerAccount> account() {
        return Optional.ofNullable(account);
    }
}
