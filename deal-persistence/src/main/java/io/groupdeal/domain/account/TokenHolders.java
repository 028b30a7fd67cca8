package io.groupdeal.domain.account;

import io.groupdeal.domain.shared.Language;
import io.groupdeal.domain.shared.NativeSql;
import io.groupdeal.domain.tenant.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who holds a live token: the token, its account and the account's tenant in one statement, read as committed at
 * the moment of the request (no cache), so a revoked or expired token, a removed account and a suspended tenant stop
 * working at the next request on every instance. Runs on every authenticated request.
 */
@ApplicationScoped
public class TokenHolders {

    private static final String HOLDER = "SELECT a.id, a.email, a.name, a.role, a.tenant_id, t.business_name, t.status,"
            + " t.undo_window_minutes, a.language FROM access_token k"
            + " JOIN account a ON a.id = k.account_id"
            + " LEFT JOIN tenant t ON t.id = a.tenant_id"
            + " WHERE k.token_hash = ? AND k.expires_at > ?";

    @Inject
    private NativeSql sql;

    /** The account behind the token as its holder, when the token is known and not expired at {@code now}. */
    public Optional<TokenHolder> holder(String tokenHash, Instant now) {
        return sql.first(
                HOLDER,
                List.of(tokenHash, now),
                r -> new TokenHolder(
                        r.string("id"),
                        r.string("email"),
                        r.string("name"),
                        Role.valueOf(r.string("role")),
                        r.string("tenant_id"),
                        r.string("business_name"),
                        r.string("status"),
                        r.nullableInt("undo_window_minutes") == null ? 0 : r.intValue("undo_window_minutes"),
                        r.string("language") == null
                                ? null
                                : Language.ofTag(r.string("language")).orElse(null)));
    }

    /**
     * An account as its token shows it, with what the request needs of its tenant (none for operators and buyers).
     *
     * @param tenantStatus the tenant's status by name, null without a tenant
     * @param undoWindowMinutes the tenant's undo window at the counter, 0 without a tenant
     * @param language the language the account chose, null when it never chose (the pages' language is read here, in
     *                 the same statement, rather than by one more query per page)
     */
    public record TokenHolder(
            String accountId,
            String email,
            String name,
            Role role,
            String tenantId,
            String tenantName,
            String tenantStatus,
            int undoWindowMinutes,
            Language language) {

        /** Operators and buyers always; a merchant's accounts only while the merchant is active. */
        public boolean mayAct() {
            return tenantId == null || TenantStatus.ACTIVE.name().equals(tenantStatus);
        }
    }
}
