package io.groupdeal.application.staff;

import io.groupdeal.application.account.AccountService;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.application.security.TenantScoped;
import io.groupdeal.application.store.OwnStores;
import io.groupdeal.domain.account.Account;
import io.groupdeal.domain.account.AccountRepository;
import io.groupdeal.domain.account.EmailAddress;
import io.groupdeal.domain.account.Role;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.staff.StaffMember;
import io.groupdeal.domain.staff.StaffRepository;
import io.groupdeal.domain.store.StoreRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The short transactions of creating and changing a staff member, each bound to the caller's tenant. No password is
 * hashed here: {@link StaffService} hashes between these calls, outside any transaction, so no database connection
 * waits on a hash. What the first call checked is checked again in the one that writes.
 */
@Stateless
@RolesAllowed("MERCHANT_ADMIN")
@TenantScoped
public class StaffRecords {

    @PersistenceContext(unitName = "deal")
    private EntityManager em;

    @Inject
    private StaffRepository staff;

    @Inject
    private StoreRepository stores;

    @Inject
    private AccountRepository accounts;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    /** What would refuse the new staff member, before a password is hashed for it. */
    public void requireCreatable(EmailAddress email, List<String> storeIds) {
        requireOwnStores(storeIds);
        requireFreeEmail(email);
    }

    public StaffView add(EmailAddress email, String name, String passwordHash, List<String> storeIds) {
        Set<String> own = requireOwnStores(storeIds);
        requireFreeEmail(email);
        String tenantId = caller.account().map(CallerAccount::tenantId).orElseThrow();
        Account account = new Account(email, name, passwordHash, Role.STAFF, tenantId, clock.instant());
        accounts.add(account);
        flushOrEmailTaken();
        staff.add(new StaffMember(account.id(), clock.instant()));
        em.flush();
        staff.assign(account.id(), own);
        return view(account, List.copyOf(new TreeSet<>(own)));
    }

    /** What would refuse the change, before a new password is hashed for it. */
    public void requireChangeable(String id, EmailAddress email, List<String> storeIds) {
        Account account = account(find(id));
        requireOwnStores(storeIds);
        if (!email.equals(account.email())) {
            requireFreeEmail(email);
        }
    }

    /** Changes email, name and stores; a new password hash (null keeps the password) also ends the member's tokens. */
    public StaffView change(String id, EmailAddress email, String name, String passwordHash, List<String> storeIds) {
        Account account = account(find(id));
        Set<String> own = requireOwnStores(storeIds);
        if (!email.equals(account.email())) {
            requireFreeEmail(email);
            account.changeEmail(email);
        }
        account.rename(name);
        if (passwordHash != null) {
            account.changePasswordHash(passwordHash);
            accounts.revokeTokensOf(account.id());
        }
        flushOrEmailTaken();
        staff.assign(id, own);
        return view(account, List.copyOf(new TreeSet<>(own)));
    }

    StaffMember find(String id) {
        if (!Ids.isWellFormed(id)) {
            throw new NotFound("staff-member");
        }
        return staff.find(id).orElseThrow(() -> new NotFound("staff-member"));
    }

    Account account(StaffMember member) {
        return accounts.find(member.id()).orElseThrow(() -> new NotFound("staff-member"));
    }

    /** At least one store, each a store of the caller's tenant. */
    private Set<String> requireOwnStores(List<String> storeIds) {
        if (storeIds == null || storeIds.isEmpty()) {
            throw new InvalidInput("storeIds", "at-least-one-store");
        }
        return OwnStores.require(stores, storeIds);
    }

    private void requireFreeEmail(EmailAddress email) {
        if (accounts.emailTaken(email)) {
            throw AccountService.emailTaken();
        }
    }

    private void flushOrEmailTaken() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw AccountService.emailTaken();
        }
    }

    static StaffView view(Account account, List<String> storeIds) {
        return new StaffView(
                account.id(), account.email().value(), account.name(), storeIds == null ? List.of() : storeIds);
    }
}
