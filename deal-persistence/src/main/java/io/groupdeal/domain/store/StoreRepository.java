package io.groupdeal.domain.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The stores of the current tenant: every query runs with the tenant of the persistence context. An archived store
 * is not found, listed or counted here: it stays only for the history that names it.
 */
@ApplicationScoped
public class StoreRepository {

    @PersistenceContext(unitName = "deal")
    private EntityManager em;

    public void add(Store store) {
        em.persist(store);
    }

    /** Deletes the store now, so that a refusal of the database (a deal that names it) is answered in this call. */
    public void remove(Store store) {
        em.remove(store);
        em.flush();
    }

    public Optional<Store> find(String id) {
        return Optional.ofNullable(id == null ? null : em.find(Store.class, id)).filter(s -> !s.isArchived());
    }

    /**
     * The store, locked against every other change until the transaction ends (SELECT ... FOR UPDATE): whatever is
     * decided about it next (delete, archive) sees every deal and redemption committed before, and none can start
     * naming it meanwhile.
     */
    public Optional<Store> lock(String id) {
        return Optional.ofNullable(id == null ? null : em.find(Store.class, id, LockModeType.PESSIMISTIC_WRITE))
                .filter(s -> !s.isArchived());
    }

    public List<Store> page(int page, int size) {
        return em.createQuery("SELECT s FROM Store s WHERE s.archivedAt IS NULL ORDER BY s.name, s.id", Store.class)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
    }

    public long count() {
        return em.createQuery("SELECT COUNT(s) FROM Store s WHERE s.archivedAt IS NULL", Long.class)
                .getSingleResult();
    }

    /**
     * The ids among the given ones that are stores of the current tenant in use (not archived), locked until the
     * transaction ends: a store that a deal or a staff member is about to name cannot be deleted or archived before
     * that is committed, and one archived a moment ago is seen as such.
     */
    public List<String> existing(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em
                .createQuery("SELECT s FROM Store s WHERE s.id IN :ids AND s.archivedAt IS NULL", Store.class)
                .setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .stream()
                .map(Store::id)
                .toList();
    }
}
