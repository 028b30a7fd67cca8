package io.groupdeal.application.account;

import io.groupdeal.application.problem.BadCredentials;
import io.groupdeal.application.problem.Conflict;
import io.groupdeal.application.security.BearerTokens;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.application.security.PasswordHasher;
import io.groupdeal.domain.account.AccessToken;
import io.groupdeal.domain.account.Account;
import io.groupdeal.domain.account.AccountRepository;
import io.groupdeal.domain.account.EmailAddress;
import io.groupdeal.domain.account.Role;
import io.groupdeal.domain.tenant.Tenant;
import io.groupdeal.domain.tenant.TenantRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Accounts and tokens. An email belongs to one account across the platform. Login answers the same for an unknown
 * email, a wrong password and a suspended merchant, and spends the same time on each. A token works until it
 * expires or is revoked, and stops working at once when its merchant is suspended.
 */
@Stateless
@PermitAll
public class AccountService {

    @PersistenceContext(unitName = "deal")
    private EntityManager em;

    @Inject
    private AccountRepository accounts;

    @Inject
    private TenantRepository tenants;

    @Inject
    private PasswordHasher passwords;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "deal.token.ttl", defaultValue = "PT12H")
    private Duration tokenTtl;

    public Tenant signUpMerchant(MerchantSignup signup) {
        EmailAddress email = new EmailAddress(signup.email());
        Tenant tenant = new Tenant(signup.businessName(), clock.instant());
        String hash = passwords.hashNew(signup.password(), "password");
        requireFreeEmail(email);
        tenants.add(tenant);
        addAccount(new Account(email, tenant.businessName(), hash, Role.MERCHANT_ADMIN, tenant.id(), clock.instant()));
        return tenant;
    }

    public Account signUpBuyer(BuyerSignup signup) {
        EmailAddress email = new EmailAddress(signup.email());
        Account account = new Account(email, signup.name(), passwords.hashNew(signup.password(), "password"),
                Role.BUYER, null, clock.instant());
        requireFreeEmail(email);
        addAccount(account);
        return account;
    }

    /** Creates the platform operator when no account has this email yet; used at startup. */
    public void ensureOperator(String email, String password) {
        EmailAddress address = new EmailAddress(email);
        if (accounts.findByEmail(address).isEmpty()) {
            addAccount(new Account(address, "Platform operator", passwords.hashNew(password, "DEAL_ADMIN_PASSWORD"),
                    Role.PLATFORM_ADMIN, null, clock.instant()));
        }
    }

    public IssuedToken logIn(String email, String password) {
        Optional<Account> found = EmailAddress.isValid(email) ? accounts.findByEmail(new EmailAddress(email)) : Optional.empty();
        if (found.isEmpty()) {
            passwords.matchNothing(password);
            throw new BadCredentials();
        }
        Account account = found.get();
        // A suspended merchant's login answers exactly like a wrong password, after the same hashing work: the answer
        // tells a guesser nothing about the password, nor that the account exists.
        if (!passwords.matches(password, account.passwordHash()) || !tenantActive(account)) {
            throw new BadCredentials();
        }
        String token = BearerTokens.newToken();
        Instant now = clock.instant();
        AccessToken stored = new AccessToken(BearerTokens.hash(token), account.id(), now, now.plus(tokenTtl));
        accounts.addToken(stored);
        return new IssuedToken(token, stored.expiresAt(), account.role(), account.tenantId());
    }

    /** The account behind a live token, or empty when the token is unknown, expired, revoked or suspended. */
    public Optional<CallerAccount> authenticate(String token) {
        if (!BearerTokens.isWellFormed(token)) {
            return Optional.empty();
        }
        return accounts.findToken(BearerTokens.hash(token))
                .filter(t -> !t.isExpiredAt(clock.instant()))
                .flatMap(t -> accounts.find(t.accountId()))
                .flatMap(account -> {
                    if (account.tenantId() == null) {
                        return Optional.of(callerOf(account, null));
                    }
                    return tenants.find(account.tenantId()).filter(Tenant::isActive).map(t -> callerOf(account, t));
                });
    }

    public void logOut(String token) {
        if (BearerTokens.isWellFormed(token)) {
            accounts.revokeToken(BearerTokens.hash(token));
        }
    }

    @RolesAllowed({"PLATFORM_ADMIN", "MERCHANT_ADMIN", "STAFF", "BUYER"})
    public CallerAccount me() {
        return caller.account().orElseThrow(BadCredentials::new);
    }

    private boolean tenantActive(Account account) {
        return account.tenantId() == null || tenants.find(account.tenantId()).map(Tenant::isActive).orElse(false);
    }

    private static CallerAccount callerOf(Account account, Tenant tenant) {
        return new CallerAccount(account.id(), account.email().value(), account.name(), account.role(),
                account.tenantId(), tenant == null ? null : tenant.businessName());
    }

    private void requireFreeEmail(EmailAddress email) {
        if (accounts.emailTaken(email)) {
            throw emailTaken();
        }
    }

    /** The unique key on email decides when two sign-ups race for the same address. */
    private void addAccount(Account account) {
        accounts.add(account);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw emailTaken();
        }
    }

    public static Conflict emailTaken() {
        return new Conflict("email-taken", "Email taken", "An account with this email already exists.");
    }
}
