package io.groupdeal.infrastructure.demo;

import io.groupdeal.application.security.PasswordHasher;
import io.groupdeal.domain.account.Account;
import io.groupdeal.domain.account.AccountRepository;
import io.groupdeal.domain.account.EmailAddress;
import io.groupdeal.domain.account.Role;
import io.groupdeal.domain.deal.Deal;
import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.deal.DealTerms;
import io.groupdeal.domain.deal.OptionTerms;
import io.groupdeal.domain.deal.RefundPolicy;
import io.groupdeal.domain.shared.Tenancy;
import io.groupdeal.domain.staff.StaffMember;
import io.groupdeal.domain.staff.StaffRepository;
import io.groupdeal.domain.store.GeoPoint;
import io.groupdeal.domain.store.Store;
import io.groupdeal.domain.store.StoreRepository;
import io.groupdeal.domain.tenant.Tenant;
import io.groupdeal.domain.tenant.TenantRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Writes one demo tenant in a transaction of its own, bound to that tenant like any merchant request. Passwords come
 * hashed: no hash inside a transaction.
 */
@Stateless
public class DemoWriter {

    @PersistenceContext(unitName = "deal")
    private EntityManager em;

    @Inject
    private TenantRepository tenants;

    @Inject
    private AccountRepository accounts;

    @Inject
    private StoreRepository stores;

    @Inject
    private StaffRepository staff;

    @Inject
    private DealRepository deals;

    @Inject
    private PasswordHasher passwords;

    @Inject
    private Clock clock;

    /**
     * The demo password's hash, outside any transaction: the caller's startup callback runs in one, and no database
     * connection waits on a hash.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String hash(String password) {
        return passwords.hashNew(password, "password");
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean exists(String email) {
        return accounts.findByEmail(new EmailAddress(email)).isPresent();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void writeBuyer(String name, String email, String passwordHash) {
        accounts.add(new Account(new EmailAddress(email), name, passwordHash, Role.BUYER, null, clock.instant()));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void writeTenant(DemoTenant demo, String hash) {
        Tenant tenant = new Tenant(demo.businessName(), clock.instant());
        // the demo businesses publish at once, so that the first walk through finds their deals on sale; the operator
        // may turn moderation on for them on the tenants page
        tenant.changeModeration(false);
        tenant.changeLanguage(demo.language());
        em.setProperty(Tenancy.PROPERTY, tenant.id());
        tenants.add(tenant);
        accounts.add(new Account(
                new EmailAddress(demo.adminEmail()),
                demo.businessName(),
                hash,
                Role.MERCHANT_ADMIN,
                tenant.id(),
                clock.instant()));
        List<Store> created = demo.stores().stream()
                .map(s -> new Store(
                        s.name(),
                        s.address(),
                        new GeoPoint(s.latitude(), s.longitude()),
                        s.timeZone(),
                        clock.instant()))
                .toList();
        created.forEach(stores::add);
        for (DemoTenant.DemoStaff member : demo.staff()) {
            Account account = new Account(
                    new EmailAddress(member.email()), member.name(), hash, Role.STAFF, tenant.id(), clock.instant());
            accounts.add(account);
            em.flush();
            staff.add(new StaffMember(account.id(), clock.instant()));
            em.flush();
            staff.assign(
                    account.id(),
                    member.stores().stream().map(i -> created.get(i).id()).toList());
        }
        Instant now = clock.instant();
        for (DemoTenant.DemoDeal d : demo.deals()) {
            Deal deal = new Deal(
                    new DealTerms(
                            d.title(),
                            d.description(),
                            d.finePrint(),
                            d.currency(),
                            new BigDecimal(d.price()),
                            new BigDecimal(d.originalValue()),
                            d.minBuyers(),
                            d.maxQuantity(),
                            4,
                            now.minus(Duration.ofHours(1)),
                            now.plus(Duration.ofDays(d.daysOnSale())),
                            now.plus(Duration.ofDays(60)),
                            RefundPolicy.ANYTIME,
                            false),
                    now);
            deal.offerTeam(d.team());
            deals.add(deal);
            deals.writeOptions(
                    deal,
                    d.options().isEmpty()
                            ? List.of(OptionTerms.single(deal.terms()))
                            : d.options().stream()
                                    .map(o -> new OptionTerms(
                                            null,
                                            o.title(),
                                            new BigDecimal(o.price()),
                                            new BigDecimal(o.originalValue()),
                                            o.maxQuantity()))
                                    .toList());
            deal.publish(now);
        }
    }
}
