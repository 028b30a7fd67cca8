package io.groupdeal.application.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Wiring;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.security.BearerTokens;
import io.groupdeal.domain.account.AccessToken;
import io.groupdeal.domain.account.Account;
import io.groupdeal.domain.account.AccountRepository;
import io.groupdeal.domain.account.EmailAddress;
import io.groupdeal.domain.account.Role;
import io.groupdeal.domain.tenant.Tenant;
import io.groupdeal.domain.tenant.TenantRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Who may log in, what a token stores and how long it lives, and that an email is taken once. */
class AccountRecordsTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final EmailAddress BOSS = new EmailAddress("boss@noodle.example");

    private final EntityManager em = mock(EntityManager.class);
    private final AccountRepository accounts = mock(AccountRepository.class);
    private final TenantRepository tenants = mock(TenantRepository.class);
    private final AccountRecords records = Wiring.configure(
            Wiring.wire(new AccountRecords(), em, accounts, tenants, Clock.fixed(NOW, ZoneOffset.UTC)),
            "tokenTtl",
            Duration.ofHours(12));

    private Credentials credentialsOfAdminWhoseTenantIs(Optional<Tenant> tenant) {
        Account admin = new Account(BOSS, "Boss", "hash", Role.MERCHANT_ADMIN, "tenant-1", NOW);
        when(accounts.findByEmail(BOSS)).thenReturn(Optional.of(admin));
        when(tenants.find("tenant-1")).thenReturn(tenant);
        return records.credentials(BOSS).orElseThrow();
    }

    @Test
    void aMerchantsAccountMayLogInOnlyWhileItsTenantIsActive() {
        Tenant tenant = new Tenant("Noodle Republic", NOW);
        assertTrue(credentialsOfAdminWhoseTenantIs(Optional.of(tenant)).mayLogIn());
        tenant.suspend();
        assertFalse(credentialsOfAdminWhoseTenantIs(Optional.of(tenant)).mayLogIn());
        assertFalse(credentialsOfAdminWhoseTenantIs(Optional.empty()).mayLogIn());
    }

    @Test
    void anAccountWithoutTenantMayLogIn() {
        Account buyer = new Account(new EmailAddress("bea@example.com"), "Bea", "hash", Role.BUYER, null, NOW);
        when(accounts.findByEmail(buyer.email())).thenReturn(Optional.of(buyer));

        Credentials credentials = records.credentials(buyer.email()).orElseThrow();

        assertTrue(credentials.mayLogIn());
        assertEquals("hash", credentials.passwordHash());
        verify(tenants, never()).find(any());
    }

    @Test
    void aTokenIsStoredOnlyAsItsHashAndLivesForTheConfiguredTime() {
        IssuedToken issued = records.issueToken(new Credentials("acc-1", "hash", Role.STAFF, "tenant-1", true));

        ArgumentCaptor<AccessToken> stored = ArgumentCaptor.forClass(AccessToken.class);
        verify(accounts).addToken(stored.capture());
        assertEquals(BearerTokens.hash(issued.token()), stored.getValue().tokenHash());
        assertNotEquals(issued.token(), stored.getValue().tokenHash());
        assertEquals("acc-1", stored.getValue().accountId());
        assertEquals(NOW.plus(Duration.ofHours(12)), issued.expiresAt());
        assertEquals(issued.expiresAt(), stored.getValue().expiresAt());
        assertEquals(Role.STAFF, issued.role());
        assertEquals("tenant-1", issued.tenantId());
    }

    @Test
    void aMerchantWhoseEmailIsTakenAddsNoTenant() {
        when(accounts.emailTaken(BOSS)).thenReturn(true);
        Tenant tenant = new Tenant("Noodle Republic", NOW);

        assertThrows(
                Clash.class,
                () -> records.addMerchant(
                        tenant, new Account(BOSS, "Boss", "hash", Role.MERCHANT_ADMIN, tenant.id(), NOW)));

        verify(tenants, never()).add(any());
        verify(accounts, never()).add(any());
    }

    @Test
    void twoSignUpsRacingForOneEmailAreDecidedByTheUniqueKey() {
        doThrow(new PersistenceException("duplicate key")).when(em).flush();
        Account buyer = new Account(new EmailAddress("bea@example.com"), "Bea", "hash", Role.BUYER, null, NOW);

        Clash refused = assertThrows(Clash.class, () -> records.addAccount(buyer));

        assertEquals("email-taken", refused.type());
        verify(accounts).add(buyer);
    }
}
