package io.groupdeal.application.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Wiring;
import io.groupdeal.application.problem.BadCredentials;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.RateLimited;
import io.groupdeal.application.security.HashingGate;
import io.groupdeal.application.security.Lockouts;
import io.groupdeal.application.security.PasswordHasher;
import io.groupdeal.application.security.Throttle;
import io.groupdeal.domain.account.Account;
import io.groupdeal.domain.account.AccountRepository;
import io.groupdeal.domain.account.EmailAddress;
import io.groupdeal.domain.account.Role;
import io.groupdeal.domain.shared.InvalidValue;
import io.groupdeal.domain.tenant.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/**
 * Sign-up and login decide in a fixed order: cheap checks, then (holding a hashing turn) the throttle, the email and the
 * hash, then the writes. A login answers the same for an unknown email, a wrong password and a suspended merchant, and
 * only a right one gives its throttle attempt back.
 */
class AccountServiceTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final String ADDRESS = "203.0.113.7";
    static final String PASSWORD = "correct horse battery";

    private final AccountRepository accounts = mock(AccountRepository.class);
    private final PasswordHasher passwords = mock(PasswordHasher.class);
    private final HashingGate hashing = mock(HashingGate.class);
    private final Throttle throttle = mock(Throttle.class);
    private final Lockouts lockouts = mock(Lockouts.class);
    private final AccountRecords records = mock(AccountRecords.class);
    private final AccountService service = Wiring.wire(
            new AccountService(),
            accounts,
            passwords,
            hashing,
            throttle,
            lockouts,
            records,
            new io.groupdeal.application.security.Caller(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private final Throttle.Ticket ticket = new Throttle.Ticket(List.of());

    @BeforeEach
    void hashingRunsTheWork() {
        when(hashing.run(any()))
                .thenAnswer(call -> call.<Supplier<?>>getArgument(0).get());
        when(passwords.hashNew(PASSWORD, "password")).thenReturn("hash");
        when(lockouts.refusalOfAddress(anyString())).thenReturn(Optional.empty());
        when(throttle.admitLogin(anyString(), anyString())).thenReturn(ticket);
    }

    @Test
    void aMerchantSignUpAddsTheBusinessAndItsAdminWithTheHash() {
        Tenant tenant = service.signUpMerchant(
                new MerchantSignup(" Noodle Republic ", "boss@noodle.example", PASSWORD), ADDRESS);

        ArgumentCaptor<Account> admin = ArgumentCaptor.forClass(Account.class);
        verify(records).addMerchant(org.mockito.ArgumentMatchers.same(tenant), admin.capture());
        assertEquals("Noodle Republic", tenant.businessName());
        assertEquals(Role.MERCHANT_ADMIN, admin.getValue().role());
        assertEquals(tenant.id(), admin.getValue().tenantId());
        assertEquals("hash", admin.getValue().passwordHash());
        InOrder order = inOrder(passwords, throttle, records);
        order.verify(passwords).requireAcceptable(PASSWORD, "password");
        order.verify(throttle).admitSignup(ADDRESS);
        order.verify(records).requireFreeEmail(new EmailAddress("boss@noodle.example"));
        order.verify(passwords).hashNew(PASSWORD, "password");
        order.verify(records).addMerchant(any(), any());
    }

    @Test
    void aSignUpWithABadNameIsRefusedBeforeAnyHashOrThrottle() {
        assertThrows(
                InvalidValue.class,
                () -> service.signUpBuyer(new BuyerSignup("bea@example.com", PASSWORD, " "), ADDRESS));
        verifyNoInteractions(hashing, throttle, records);
    }

    @Test
    void aSignUpWithAWeakPasswordIsRefusedBeforeAnyHashOrThrottle() {
        doThrow(new InvalidInput("password", "too short")).when(passwords).requireAcceptable("short", "password");
        assertThrows(
                InvalidInput.class,
                () -> service.signUpBuyer(new BuyerSignup("bea@example.com", "short", "Bea"), ADDRESS));
        verifyNoInteractions(hashing, throttle, records);
    }

    @Test
    void aSignUpFromAnAddressKnownLockedIsAnsweredFromMemory() {
        RateLimited locked = new RateLimited("Too many attempts", 60);
        when(lockouts.refusalOfAddress(ADDRESS)).thenReturn(Optional.of(locked));

        assertSame(
                locked,
                assertThrows(
                        RateLimited.class,
                        () -> service.signUpBuyer(new BuyerSignup("bea@example.com", PASSWORD, "Bea"), ADDRESS)));
        verifyNoInteractions(hashing, throttle, records);
    }

    @Test
    void aTakenEmailCostsNoHashAndWritesNothing() {
        doThrow(AccountService.emailTaken()).when(records).requireFreeEmail(new EmailAddress("bea@example.com"));

        assertEquals(
                "email-taken",
                assertThrows(
                                Clash.class,
                                () -> service.signUpBuyer(new BuyerSignup("bea@example.com", PASSWORD, "Bea"), ADDRESS))
                        .type());
        verify(passwords, never()).hashNew(anyString(), anyString());
        verify(records, never()).addAccount(any());
    }

    @Test
    void aBuyerHasNoTenant() {
        Account buyer = service.signUpBuyer(new BuyerSignup("bea@example.com", PASSWORD, "Bea"), ADDRESS);

        verify(records).addAccount(buyer);
        assertEquals(Role.BUYER, buyer.role());
        assertEquals(null, buyer.tenantId());
        assertEquals(NOW, buyer.createdAt());
    }

    @Test
    void anUnknownEmailIsCheckedAgainstNothingAndRefusedLikeAWrongPassword() {
        when(records.credentials(new EmailAddress("nobody@example.com"))).thenReturn(Optional.empty());

        assertThrows(BadCredentials.class, () -> service.logIn("nobody@example.com", PASSWORD, ADDRESS));

        verify(passwords).matchNothing(PASSWORD);
        verify(throttle, never()).giveBack(any());
        verify(records, never()).issueToken(any());
    }

    @Test
    void aMalformedEmailIsNeverLookedUpButStillCostsAHash() {
        assertThrows(BadCredentials.class, () -> service.logIn("not an email", PASSWORD, ADDRESS));

        verify(records, never()).credentials(any());
        verify(passwords).matchNothing(PASSWORD);
        verify(throttle).admitLogin("not an email", ADDRESS);
    }

    @Test
    void aWrongPasswordIsRefusedAndKeepsItsAttempt() {
        Credentials bea = new Credentials("acc-1", "stored", Role.BUYER, null, true);
        when(records.credentials(new EmailAddress("bea@example.com"))).thenReturn(Optional.of(bea));
        when(passwords.matches("wrong", "stored")).thenReturn(false);

        assertThrows(BadCredentials.class, () -> service.logIn("bea@example.com", "wrong", ADDRESS));

        verify(throttle, never()).giveBack(any());
        verify(records, never()).issueToken(any());
    }

    @Test
    void aSuspendedMerchantsRightPasswordIsRefusedLikeAWrongOne() {
        Credentials admin = new Credentials("acc-1", "stored", Role.MERCHANT_ADMIN, "tenant-1", false);
        when(records.credentials(new EmailAddress("boss@noodle.example"))).thenReturn(Optional.of(admin));
        when(passwords.matches(PASSWORD, "stored")).thenReturn(true);

        assertThrows(BadCredentials.class, () -> service.logIn("boss@noodle.example", PASSWORD, ADDRESS));

        verify(throttle, never()).giveBack(any());
        verify(records, never()).issueToken(any());
    }

    @Test
    void theRightPasswordGivesTheAttemptBackAndGetsAToken() {
        Credentials bea = new Credentials("acc-1", "stored", Role.BUYER, null, true);
        when(records.credentials(new EmailAddress("bea@example.com"))).thenReturn(Optional.of(bea));
        when(passwords.matches(PASSWORD, "stored")).thenReturn(true);
        IssuedToken token = new IssuedToken("t", NOW.plusSeconds(60), Role.BUYER, null);
        when(records.issueToken(bea)).thenReturn(token);

        assertSame(token, service.logIn("bea@example.com", PASSWORD, ADDRESS));

        verify(throttle).giveBack(ticket);
    }

    @Test
    void aLockSeenBeforeIsAnsweredWithoutAHashingTurn() {
        doThrow(new RateLimited("Too many attempts", 60))
                .when(lockouts)
                .requireNoneForLogin("bea@example.com", ADDRESS);

        assertThrows(RateLimited.class, () -> service.logIn("bea@example.com", PASSWORD, ADDRESS));

        verifyNoInteractions(hashing, throttle, records);
    }

    @Test
    void theOperatorIsCreatedOnlyWhenTheEmailIsFree() {
        when(passwords.hashNew("operator password", "DEAL_ADMIN_PASSWORD")).thenReturn("op hash");
        when(records.credentials(new EmailAddress("op@example.com"))).thenReturn(Optional.empty());

        service.ensureOperator("op@example.com", "operator password");

        ArgumentCaptor<Account> operator = ArgumentCaptor.forClass(Account.class);
        verify(records).addAccount(operator.capture());
        assertEquals(Role.PLATFORM_ADMIN, operator.getValue().role());
        assertEquals("op hash", operator.getValue().passwordHash());

        when(records.credentials(new EmailAddress("op@example.com")))
                .thenReturn(Optional.of(new Credentials("op", "op hash", Role.PLATFORM_ADMIN, null, true)));
        service.ensureOperator("op@example.com", "operator password");
        verify(records).addAccount(any());
    }
}
