package io.groupdeal.domain.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The staff of the current tenant: every query runs with the tenant of the persistence context. */
@ApplicationScoped
public class StaffRepository {

    @PersistenceContext(unitName = "deal")
    private EntityManager em;

    public void add(StaffMember member) {
        em.persist(member);
    }

    public void remove(StaffMember member) {
        assignmentsOf(member.id()).forEach(em::remove);
        em.remove(member);
    }

    public Optional<StaffMember> find(String id) {
        return Optional.ofNullable(id == null ? null : em.find(StaffMember.class, id));
    }

    public List<StaffMember> page(int page, int size) {
        return em.createQuery("SELECT m FROM StaffMember m ORDER BY m.createdAt, m.id", StaffMember.class)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
    }

    public long count() {
        return em.createQuery("SELECT COUNT(m) FROM StaffMember m", Long.class).getSingleResult();
    }

    private List<StaffAssignment> assignmentsOf(String staffId) {
        return em.createQuery("SELECT a FROM StaffAssignment a WHERE a.staffId = :staff", StaffAssignment.class)
                .setParameter("staff", staffId)
                .getResultList();
    }

    /** Store ids per staff id, sorted, for the given staff members. */
    public Map<String, List<String>> storeIdsOf(Collection<String> staffIds) {
        Map<String, TreeSet<String>> byStaff = new LinkedHashMap<>();
        staffIds.forEach(id -> byStaff.put(id, new TreeSet<>()));
        if (!staffIds.isEmpty()) {
            em.createQuery("SELECT a FROM StaffAssignment a WHERE a.staffId IN :staff", StaffAssignment.class)
                    .setParameter("staff", staffIds)
                    .getResultList()
                    .forEach(a -> byStaff.get(a.staffId()).add(a.storeId()));
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        byStaff.forEach((id, stores) -> result.put(id, List.copyOf(stores)));
        return result;
    }

    /** Makes the staff member's stores exactly the given ones. */
    public void assign(String staffId, Collection<String> storeIds) {
        List<StaffAssignment> current = assignmentsOf(staffId);
        current.stream().filter(a -> !storeIds.contains(a.storeId())).forEach(em::remove);
        storeIds.stream()
                .filter(id -> current.stream().noneMatch(a -> a.storeId().equals(id)))
                .forEach(id -> em.persist(new StaffAssignment(staffId, id)));
    }
}
