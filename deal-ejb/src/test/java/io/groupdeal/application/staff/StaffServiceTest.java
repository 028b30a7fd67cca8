package io.groupdeal.application.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Wiring;
import io.groupdeal.application.account.AccountService;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.security.HashingGate;
import io.groupdeal.application.security.PasswordHasher;
import io.groupdeal.domain.account.Account;
import io.groupdeal.domain.account.AccountRepository;
import io.groupdeal.domain.account.EmailAddress;
import io.groupdeal.domain.account.Role;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.staff.StaffMember;
import io.groupdeal.domain.staff.StaffRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * A staff member's password is hashed only after every check passed, outside the short transactions of
 * {@link StaffRecords}; deleting a member also ends its login.
 */
class StaffServiceTest {

    private final StaffRepository staff = mock(StaffRepository.class);
    private final AccountRepository accounts = mock(AccountRepository.class);
    private final PasswordHasher passwords = mock(PasswordHasher.class);
    private final HashingGate hashing = mock(HashingGate.class);
    private final StaffRecords records = mock(StaffRecords.class);
    private final StaffService service = Wiring.wire(new StaffService(), staff, accounts, passwords, hashing, records);

    private final String store = Ids.newId();

    @BeforeEach
    void hashingRunsTheWork() {
        when(hashing.run(any()))
                .thenAnswer(call -> call.<Supplier<?>>getArgument(0).get());
        when(passwords.hashNew("long enough password", "password")).thenReturn("hash");
    }

    @Test
    void aNewMemberIsCheckedThenHashedThenWritten() {
        StaffView written = new StaffView(Ids.newId(), "jo@shop.example", "Jo", List.of(store));
        when(records.add(new EmailAddress("jo@shop.example"), "Jo", "hash", List.of(store)))
                .thenReturn(written);

        assertSame(
                written,
                service.create(new StaffDetails("jo@shop.example", "Jo", "long enough password", List.of(store))));

        InOrder order = inOrder(passwords, records, hashing);
        order.verify(passwords).requireAcceptable("long enough password", "password");
        order.verify(records).requireCreatable(new EmailAddress("jo@shop.example"), List.of(store));
        order.verify(hashing).run(any());
        order.verify(records).add(any(), any(), any(), any());
    }

    @Test
    void aRefusedMemberCostsNoHash() {
        doThrow(AccountService.emailTaken()).when(records).requireCreatable(any(), any());

        assertThrows(
                RuntimeException.class,
                () -> service.create(
                        new StaffDetails("jo@shop.example", "Jo", "long enough password", List.of(store))));

        verifyNoInteractions(hashing);
        verify(records, never()).add(any(), any(), any(), any());
    }

    @Test
    void aWeakPasswordIsRefusedBeforeAnyTransaction() {
        doThrow(new InvalidInput("password", "too short")).when(passwords).requireAcceptable("short", "password");

        assertThrows(
                InvalidInput.class,
                () -> service.create(new StaffDetails("jo@shop.example", "Jo", "short", List.of(store))));

        verifyNoInteractions(records, hashing);
    }

    @Test
    void anUpdateWithoutPasswordKeepsItAndHashesNothing() {
        String id = Ids.newId();

        service.update(id, new StaffDetails("jo@shop.example", "Jo", "", List.of(store)));

        verify(records).change(eq(id), eq(new EmailAddress("jo@shop.example")), eq("Jo"), isNull(), eq(List.of(store)));
        verify(records, never()).requireChangeable(anyString(), any(), any());
        verifyNoInteractions(hashing);
    }

    @Test
    void anUpdateWithAPasswordChecksHashesThenWritesTheHash() {
        String id = Ids.newId();

        service.update(id, new StaffDetails("jo@shop.example", "Jo", "long enough password", List.of(store)));

        InOrder order = inOrder(records, hashing);
        order.verify(records).requireChangeable(id, new EmailAddress("jo@shop.example"), List.of(store));
        order.verify(hashing).run(any());
        order.verify(records).change(id, new EmailAddress("jo@shop.example"), "Jo", "hash", List.of(store));
    }

    @Test
    void deletingAMemberRemovesItEndsItsTokensAndItsAccount() {
        StaffMember member = new StaffMember(Ids.newId(), Instant.EPOCH);
        Account account = mock(Account.class);
        when(account.id()).thenReturn(member.id());
        when(staff.find(member.id())).thenReturn(Optional.of(member));
        when(accounts.find(member.id())).thenReturn(Optional.of(account));

        service.delete(member.id());

        InOrder order = inOrder(staff, accounts);
        order.verify(staff).remove(member);
        order.verify(accounts).revokeTokensOf(member.id());
        order.verify(accounts).remove(account);
    }

    @Test
    void anUnknownMemberIsNotFoundAndNothingIsRemoved() {
        assertEquals(
                "not-found",
                assertThrows(NotFound.class, () -> service.delete("no id")).type());
        String unknown = Ids.newId();
        when(staff.find(unknown)).thenReturn(Optional.empty());
        assertThrows(NotFound.class, () -> service.delete(unknown));
        verify(staff, never()).remove(any());
        verify(accounts, never()).remove(any());
    }

    @Test
    void theListKeepsThePageOrderAndShowsEachMembersStores() {
        StaffMember first = new StaffMember(Ids.newId(), Instant.EPOCH);
        StaffMember second = new StaffMember(Ids.newId(), Instant.EPOCH);
        when(staff.page(0, 10)).thenReturn(List.of(first, second));
        when(staff.storeIdsOf(List.of(first.id(), second.id())))
                .thenReturn(java.util.Map.of(first.id(), List.of(store)));
        Account a = new Account(new EmailAddress("a@shop.example"), "A", "h", Role.STAFF, "t", Instant.EPOCH);
        Account b = new Account(new EmailAddress("b@shop.example"), "B", "h", Role.STAFF, "t", Instant.EPOCH);
        Account firstAccount = withId(a, first.id());
        Account secondAccount = withId(b, second.id());
        when(accounts.findAll(List.of(first.id(), second.id()))).thenReturn(List.of(secondAccount, firstAccount));
        when(staff.count()).thenReturn(2L);

        var page = service.list(new io.groupdeal.application.PageRequest(0, 10));

        assertEquals(
                List.of(first.id(), second.id()),
                page.items().stream().map(StaffView::id).toList());
        assertEquals(List.of(store), page.items().get(0).storeIds());
        assertEquals(List.of(), page.items().get(1).storeIds());
        assertEquals(2, page.total());
    }

    private static Account withId(Account account, String id) {
        try {
            var field = Account.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(account, id);
            return account;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
