package io.groupdeal.application.staff;

import io.groupdeal.application.PageOf;
import io.groupdeal.application.PageRequest;
import io.groupdeal.application.account.AccountService;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.application.security.PasswordHasher;
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
import java.util.Map;
import java.util.Set;

/**
 * A merchant admin's counter staff. A staff member belongs to the caller's tenant and is assigned only to stores
 * of that tenant (the database's foreign keys include the tenant too). Another tenant's staff member or store is
 * answered exactly like one that does not exist.
 */
@Stateless
@RolesAllowed("MERCHANT_ADMIN")
@TenantScoped
public class StaffService {

    @PersistenceContext(unitName = "deal")
    private EntityManager em;

    @Inject
    private StaffRepository staff;

    @Inject
    private StoreRepository stores;

    @Inject
    private AccountRepository accounts;

    @Inject
    private PasswordHasher passwords;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    public PageOf<StaffView> list(PageRequest request) {
        List<StaffMember> members = staff.page(request.page(), request.size());
        List<String> ids = members.stream().map(StaffMember::id).toList();
        Map<String, List<String>> storeIds = staff.storeIdsOf(ids);
        List<StaffView> views = accounts.findAll(ids).stream()
                .sorted((a, b) -> Integer.compare(ids.indexOf(a.id()), ids.indexOf(b.id())))
                .map(a -> view(a, storeIds.get(a.id())))
                .toList();
        return new PageOf<>(views, request.page(), request.size(), staff.count());
    }

    public StaffView get(String id) {
        StaffMember member = find(id);
        return view(account(member), staff.storeIdsOf(List.of(id)).get(id));
    }

    public StaffView create(StaffDetails details) {
        EmailAddress email = new EmailAddress(details.email());
        Set<String> storeIds = requireOwnStores(details.storeIds());
        String hash = passwords.hashNew(details.password(), "password");
        if (accounts.emailTaken(email)) {
            throw AccountService.emailTaken();
        }
        String tenantId = caller.account().map(CallerAccount::tenantId).orElseThrow();
        Account account = new Account(email, details.name(), hash, Role.STAFF, tenantId, clock.instant());
        accounts.add(account);
        flushOrEmailTaken();
        staff.add(new StaffMember(account.id(), clock.instant()));
        em.flush();
        staff.assign(account.id(), storeIds);
        return view(account, List.copyOf(new java.util.TreeSet<>(storeIds)));
    }

    public StaffView update(String id, StaffDetails details) {
        StaffMember member = find(id);
        Account account = account(member);
        EmailAddress email = new EmailAddress(details.email());
        Set<String> storeIds = requireOwnStores(details.storeIds());
        if (!email.equals(account.email())) {
            if (accounts.emailTaken(email)) {
                throw AccountService.emailTaken();
            }
            account.changeEmail(email);
        }
        account.rename(details.name());
        if (details.password() != null && !details.password().isEmpty()) {
            account.changePasswordHash(passwords.hashNew(details.password(), "password"));
            accounts.revokeTokensOf(account.id());
        }
        flushOrEmailTaken();
        staff.assign(id, storeIds);
        return view(account, List.copyOf(new java.util.TreeSet<>(storeIds)));
    }

    /** Removes the staff member and the login account; its tokens stop working. */
    public void delete(String id) {
        StaffMember member = find(id);
        Account account = account(member);
        staff.remove(member);
        accounts.revokeTokensOf(account.id());
        accounts.remove(account);
    }

    private StaffMember find(String id) {
        if (!Ids.isWellFormed(id)) {
            throw new NotFound("staff member");
        }
        return staff.find(id).orElseThrow(() -> new NotFound("staff member"));
    }

    private Account account(StaffMember member) {
        return accounts.find(member.id()).orElseThrow(() -> new NotFound("staff member"));
    }

    /** At least one store, each a store of the caller's tenant. */
    private Set<String> requireOwnStores(List<String> storeIds) {
        if (storeIds == null || storeIds.isEmpty()) {
            throw new InvalidInput("storeIds", "must name at least one store");
        }
        return OwnStores.require(stores, storeIds);
    }

    private void flushOrEmailTaken() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw AccountService.emailTaken();
        }
    }

    private static StaffView view(Account account, List<String> storeIds) {
        return new StaffView(account.id(), account.email().value(), account.name(), storeIds == null ? List.of() : storeIds);
    }
}
