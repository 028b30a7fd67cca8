package io.groupdeal.domain.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The stores of the current tenant: every query runs with the tenant of the persistence context. */
@ApplicationScoped
public class StoreRepository {

    @PersistenceContext(unitName = "deal")
    private EntityManager em;

    public void add(Store store) {
        em.persist(store);
    }

    public void remove(Store store) {
        em.remove(store);
    }

    public Optional<Store> find(String id) {
        return Optional.ofNullable(id == null ? null : em.find(Store.class, id));
    }

    public List<Store> page(int page, int size) {
        return em.createQuery("SELECT s FROM Store s ORDER BY s.name, s.id", Store.class)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
    }

    public long count() {
        return em.createQuery("SELECT COUNT(s) FROM Store s", Long.class).getSingleResult();
    }

    /** The ids among the given ones that are stores of the current tenant. */
    public List<String> existing(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT s.id FROM Store s WHERE s.id IN :ids", String.class)
                .setParameter("ids", ids)
                .getResultList();
    }
}
