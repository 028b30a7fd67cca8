package io.groupdeal.application.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Wiring;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.domain.account.Account;
import io.groupdeal.domain.account.AccountRepository;
import io.groupdeal.domain.account.EmailAddress;
import io.groupdeal.domain.account.Role;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.staff.StaffMember;
import io.groupdeal.domain.staff.StaffRepository;
import io.groupdeal.domain.store.StoreRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The writes of a staff member: own stores only, at least one, an email nobody has, the caller's tenant. */
class StaffRecordsTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final EmailAddress JO = new EmailAddress("jo@shop.example");

    private final EntityManager em = mock(EntityManager.class);
    private final StaffRepository staff = mock(StaffRepository.class);
    private final StoreRepository stores = mock(StoreRepository.class);
    private final AccountRepository accounts = mock(AccountRepository.class);
    private final StaffRecords records = Wiring.wire(
            new StaffRecords(),
            em,
            staff,
            stores,
            accounts,
            Wiring.merchantAdmin("tenant-1"),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private final String a = Ids.newId();
    private final String b = Ids.newId();

    private void ownStores(String... ids) {
        when(stores.existing(anyCollection())).thenReturn(List.of(ids));
    }

    @Test
    void aMemberMustWorkSomewhere() {
        InvalidInput refused = assertThrows(InvalidInput.class, () -> records.add(JO, "Jo", "hash", List.of()));
        assertEquals("storeIds", refused.errors().get(0).field());
        assertThrows(InvalidInput.class, () -> records.requireCreatable(JO, null));
        verify(accounts, never()).add(any());
    }

    @Test
    void anEmailInUseIsRefusedBeforeAnythingIsWritten() {
        ownStores(a);
        when(accounts.emailTaken(JO)).thenReturn(true);

        assertEquals(
                "email-taken",
                assertThrows(Clash.class, () -> records.requireCreatable(JO, List.of(a)))
                        .type());
        assertEquals(
                "email-taken",
                assertThrows(Clash.class, () -> records.add(JO, "Jo", "hash", List.of(a)))
                        .type());
        verify(accounts, never()).add(any());
    }

    @Test
    void aRaceForTheEmailIsDecidedByTheUniqueKey() {
        ownStores(a);
        doThrow(new PersistenceException("duplicate")).when(em).flush();

        assertEquals(
                "email-taken",
                assertThrows(Clash.class, () -> records.add(JO, "Jo", "hash", List.of(a)))
                        .type());
        verify(staff, never()).add(any());
    }

    @Test
    void aNewMemberIsAStaffAccountOfTheCallersTenantAssignedToItsStores() {
        ownStores(a, b);

        StaffView view = records.add(JO, "Jo", "hash", List.of(b, a));

        ArgumentCaptor<Account> account = ArgumentCaptor.forClass(Account.class);
        verify(accounts).add(account.capture());
        assertEquals(Role.STAFF, account.getValue().role());
        assertEquals("tenant-1", account.getValue().tenantId());
        assertEquals("hash", account.getValue().passwordHash());
        ArgumentCaptor<StaffMember> member = ArgumentCaptor.forClass(StaffMember.class);
        verify(staff).add(member.capture());
        assertEquals(account.getValue().id(), member.getValue().id());
        verify(staff).assign(account.getValue().id(), Set.of(a, b));
        assertEquals(List.of(a, b).stream().sorted().toList(), view.storeIds());
        assertEquals("jo@shop.example", view.email());
    }

    private Account existing(String email) {
        Account account = new Account(new EmailAddress(email), "Jo", "old hash", Role.STAFF, "tenant-1", Instant.EPOCH);
        when(staff.find(account.id())).thenReturn(Optional.of(new StaffMember(account.id(), Instant.EPOCH)));
        when(accounts.find(account.id())).thenReturn(Optional.of(account));
        return account;
    }

    @Test
    void keepingTheEmailAsksNobodyAndKeepingThePasswordKeepsTheTokens() {
        Account account = existing("jo@shop.example");
        ownStores(a);

        records.change(account.id(), JO, "Johanna", null, List.of(a));

        verify(accounts, never()).emailTaken(any());
        verify(accounts, never()).revokeTokensOf(anyString());
        assertEquals("Johanna", account.name());
        assertEquals("old hash", account.passwordHash());
        verify(staff).assign(account.id(), Set.of(a));
    }

    @Test
    void aNewPasswordEndsTheMembersTokens() {
        Account account = existing("jo@shop.example");
        ownStores(a);

        records.change(account.id(), JO, "Jo", "new hash", List.of(a));

        assertEquals("new hash", account.passwordHash());
        verify(accounts).revokeTokensOf(account.id());
    }

    @Test
    void aNewEmailThatIsTakenChangesNothing() {
        Account account = existing("jo@shop.example");
        ownStores(a);
        EmailAddress taken = new EmailAddress("boss@shop.example");
        when(accounts.emailTaken(taken)).thenReturn(true);

        assertThrows(Clash.class, () -> records.requireChangeable(account.id(), taken, List.of(a)));
        assertThrows(Clash.class, () -> records.change(account.id(), taken, "Jo", null, List.of(a)));

        assertEquals(JO, account.email());
        verify(staff, never()).assign(anyString(), anyCollection());
    }
}
