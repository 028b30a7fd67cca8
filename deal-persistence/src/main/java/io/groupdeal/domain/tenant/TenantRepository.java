package io.groupdeal.domain.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TenantRepository {

    @PersistenceContext(unitName = "deal")
    private EntityManager em;

    @Inject
    private CommissionRateRepository commissionRates;

    /**
     * Written at once: the tenant's own rows refer to it, and EclipseLink cannot see that order. Its first commission
     * rate starts its commission history.
     */
    public void add(Tenant tenant) {
        em.persist(tenant);
        em.flush();
        commissionRates.record(tenant.id(), tenant.createdAt(), tenant.commissionRate());
    }

    /** A new commission rate of the tenant from {@code now} on, kept in its history so past periods keep theirs. */
    public void changeCommissionRate(Tenant tenant, java.math.BigDecimal rate, java.time.Instant now) {
        tenant.changeCommissionRate(rate);
        commissionRates.record(
                tenant.id(), now.truncatedTo(java.time.temporal.ChronoUnit.MICROS), tenant.commissionRate());
    }

    public Optional<Tenant> find(String id) {
        return Optional.ofNullable(id == null ? null : em.find(Tenant.class, id));
    }

    public List<Tenant> page(int page, int size) {
        return em.createQuery("SELECT t FROM Tenant t ORDER BY t.createdAt DESC, t.id", Tenant.class)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
    }

    /**
     * The tenants after {@code after} (null: from the first) in the order of {@link #page}, newest first: a walk
     * through every tenant that a signup in between does not shift (no tenant is skipped or seen twice).
     */
    public List<Tenant> after(Tenant after, int size) {
        if (after == null) {
            return page(0, size);
        }
        return em.createQuery(
                        "SELECT t FROM Tenant t WHERE t.createdAt < :created OR (t.createdAt = :created AND t.id > :id)"
                                + " ORDER BY t.createdAt DESC, t.id",
                        Tenant.class)
                .setParameter("created", after.createdAt())
                .setParameter("id", after.id())
                .setMaxResults(size)
                .getResultList();
    }

    public long count() {
        return em.createQuery("SELECT COUNT(t) FROM Tenant t", Long.class).getSingleResult();
    }
}
