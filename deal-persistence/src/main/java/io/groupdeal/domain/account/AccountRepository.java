package io.groupdeal.domain.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AccountRepository {

    @PersistenceContext(unitName = "deal")
    private EntityManager em;

    public void add(Account account) {
        em.persist(account);
    }

    public void remove(Account account) {
        em.remove(account);
    }

    public Optional<Account> find(String id) {
        return Optional.ofNullable(id == null ? null : em.find(Account.class, id));
    }

    public Optional<Account> findByEmail(EmailAddress email) {
        return em.createQuery("SELECT a FROM Account a WHERE a.email = :email", Account.class)
                .setParameter("email", email.value())
                .getResultStream()
                .findFirst();
    }

    public boolean emailTaken(EmailAddress email) {
        return findByEmail(email).isPresent();
    }

    public boolean anyWithRole(Role role) {
        return !em.createQuery("SELECT a.id FROM Account a WHERE a.role = :role", String.class)
                .setParameter("role", role)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** The tenant's merchant admins, oldest first: who is told what happened to the tenant's deals. */
    public List<Account> adminsOf(String tenantId) {
        return em.createQuery(
                        "SELECT a FROM Account a WHERE a.tenantId = :tenant AND a.role = :role ORDER BY a.createdAt, a.id",
                        Account.class)
                .setParameter("tenant", tenantId)
                .setParameter("role", Role.MERCHANT_ADMIN)
                .getResultList();
    }

    public List<Account> findAll(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT a FROM Account a WHERE a.id IN :ids", Account.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    public void addToken(AccessToken token) {
        em.persist(token);
    }

    public Optional<AccessToken> findToken(String tokenHash) {
        return Optional.ofNullable(em.find(AccessToken.class, tokenHash));
    }

    public void revokeToken(String tokenHash) {
        em.createQuery("DELETE FROM AccessToken t WHERE t.tokenHash = :hash")
                .setParameter("hash", tokenHash)
                .executeUpdate();
    }

    public void revokeTokensOf(String accountId) {
        em.createQuery("DELETE FROM AccessToken t WHERE t.accountId = :account")
                .setParameter("account", accountId)
                .executeUpdate();
    }

    public int deleteTokensExpiredBefore(Instant now) {
        return em.createQuery("DELETE FROM AccessToken t WHERE t.expiresAt <= :now")
                .setParameter("now", now)
                .executeUpdate();
    }
}
