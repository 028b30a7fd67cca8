package io.groupdeal.domain.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TenantRepository {

    @PersistenceContext(unitName = "deal")
    private EntityManager em;

    /** Written at once: the tenant's own rows refer to it, and EclipseLink cannot see that order. */
    public void add(Tenant tenant) {
        em.persist(tenant);
        em.flush();
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

    public long count() {
        return em.createQuery("SELECT COUNT(t) FROM Tenant t", Long.class).getSingleResult();
    }
}
