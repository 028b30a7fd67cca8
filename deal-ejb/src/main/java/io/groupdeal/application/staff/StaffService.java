package io.groupdeal.application.staff;

import io.groupdeal.application.PageOf;
import io.groupdeal.application.PageRequest;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.security.HashingGate;
import io.groupdeal.application.security.PasswordHasher;
import io.groupdeal.application.security.TenantScoped;
import io.groupdeal.domain.account.Account;
import io.groupdeal.domain.account.AccountRepository;
import io.groupdeal.domain.account.EmailAddress;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.staff.StaffMember;
import io.groupdeal.domain.staff.StaffRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * A merchant admin's counter staff. A staff member belongs to the caller's tenant and is assigned only to stores
 * of that tenant (the database's foreign keys include the tenant too). Another tenant's staff member or store is
 * answered exactly like one that does not exist. A password is hashed outside any transaction, as at login and
 * sign-up: creating and changing run their checks and writes in short transactions of {@link StaffRecords}.
 */
@Stateless
@RolesAllowed("MERCHANT_ADMIN")
public class StaffService {

    @Inject
    private StaffRepository staff;

    @Inject
    private AccountRepository accounts;

    @Inject
    private PasswordHasher passwords;

    @Inject
    private HashingGate hashing;

    @EJB
    private StaffRecords records;

    @TenantScoped
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

    @TenantScoped
    public StaffView get(String id) {
        StaffMember member = find(id);
        return view(account(member), staff.storeIdsOf(List.of(id)).get(id));
    }

    /**
     * A new staff member. The checks first (a short transaction), then the hash outside any transaction and holding
     * a hashing permit ({@link HashingGate}), then the writes (a short transaction that checks again).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public StaffView create(StaffDetails details) {
        EmailAddress email = new EmailAddress(details.email());
        passwords.requireAcceptable(details.password(), "password");
        records.requireCreatable(email, details.storeIds());
        String hash = hashing.run(() -> passwords.hashNew(details.password(), "password"));
        return records.add(email, details.name(), hash, details.storeIds());
    }

    /** As {@link #create}; a new password (null or empty keeps it) is hashed between the check and the write. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public StaffView update(String id, StaffDetails details) {
        EmailAddress email = new EmailAddress(details.email());
        String hash = null;
        if (details.password() != null && !details.password().isEmpty()) {
            passwords.requireAcceptable(details.password(), "password");
            records.requireChangeable(id, email, details.storeIds());
            hash = hashing.run(() -> passwords.hashNew(details.password(), "password"));
        }
        return records.change(id, email, details.name(), hash, details.storeIds());
    }

    /** Removes the staff member and the login account; its tokens stop working. */
    @TenantScoped
    public void delete(String id) {
        StaffMember member = find(id);
        Account account = account(member);
        staff.remove(member);
        accounts.revokeTokensOf(account.id());
        accounts.remove(account);
    }

    private StaffMember find(String id) {
        if (!Ids.isWellFormed(id)) {
            throw new NotFound("staff-member");
        }
        return staff.find(id).orElseThrow(() -> new NotFound("staff-member"));
    }

    private Account account(StaffMember member) {
        return accounts.find(member.id()).orElseThrow(() -> new NotFound("staff-member"));
    }

    private static StaffView view(Account account, List<String> storeIds) {
        return StaffRecords.view(account, storeIds);
    }
}
