package io.groupdeal.application.account;

import io.groupdeal.application.security.BearerTokens;
import io.groupdeal.domain.account.AccessToken;
import io.groupdeal.domain.account.Account;
import io.groupdeal.domain.account.AccountRepository;
import io.groupdeal.domain.account.EmailAddress;
import io.groupdeal.domain.tenant.Tenant;
import io.groupdeal.domain.tenant.TenantRepository;
import jakarta.annotation.security.PermitAll;
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
 * The short transactions of login and sign-up: read an account's credentials, add an account, issue a token. No
 * password is hashed here: {@link AccountService} hashes between these calls, outside any transaction, so no
 * database connection waits on a hash.
 */
@Stateless
@PermitAll
public class AccountRecords {

    @PersistenceContext(unitName = "deal")
    private EntityManager em;

    @Inject
    private AccountRepository accounts;

    @Inject
    private TenantRepository tenants;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "deal.token.ttl", defaultValue = "PT12H")
    private Duration tokenTtl;

    /** The account of an email and whether it may log in (its merchant, if any, is active). */
    public Optional<Credentials> credentials(EmailAddress email) {
        return accounts.findByEmail(email)
                .map(account -> new Credentials(
                        account.id(),
                        account.passwordHash(),
                        account.role(),
                        account.tenantId(),
                        account.tenantId() == null
                                || tenants.find(account.tenantId())
                                        .map(Tenant::isActive)
                                        .orElse(false)));
    }

    /** 409 {@code email-taken} when an account has the email already. */
    public void requireFreeEmail(EmailAddress email) {
        if (accounts.emailTaken(email)) {
            throw AccountService.emailTaken();
        }
    }

    public void addMerchant(Tenant tenant, Account admin) {
        requireFreeEmail(admin.email());
        tenants.add(tenant);
        add(admin);
    }

    public void addAccount(Account account) {
        requireFreeEmail(account.email());
        add(account);
    }

    public IssuedToken issueToken(Credentials account) {
        String token = BearerTokens.newToken();
        Instant now = clock.instant();
        AccessToken stored = new AccessToken(BearerTokens.hash(token), account.accountId(), now, now.plus(tokenTtl));
        accounts.addToken(stored);
        return new IssuedToken(token, stored.expiresAt(), account.role(), account.tenantId());
    }

    /** The unique key on email decides when two sign-ups race for the same address. */
    private void add(Account account) {
        accounts.add(account);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw AccountService.emailTaken();
        }
    }
}
