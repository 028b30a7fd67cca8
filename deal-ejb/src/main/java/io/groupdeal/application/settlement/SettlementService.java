package io.groupdeal.application.settlement;

import io.groupdeal.application.Periods;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.security.Caller;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.tenant.Tenant;
import io.groupdeal.domain.tenant.TenantRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;

/**
 * Settlement statements: a merchant admin gets the business's own; the operator gets every tenant's, a page at a time
 * ({@link #allAfter}), so that no number of tenants is too many. For coupons redeemed in the period (and not undone),
 * per currency and commission rate: gross value paid, commission at the rate in force at each redemption, net owed.
 */
@Stateless
public class SettlementService {

    /** Tenants per page of the operator's statement: each page is one short transaction. */
    public static final int TENANTS_PER_PAGE = 200;

    @Inject
    private Statements statements;

    @Inject
    private TenantRepository tenants;

    @Inject
    private Caller caller;

    @RolesAllowed("MERCHANT_ADMIN")
    public Statement own(LocalDate from, LocalDate to) {
        Periods.require(from, to);
        return statements.of(
                tenants.find(caller.account().orElseThrow().tenantId()).orElseThrow(), from, to);
    }

    /**
     * The statements of the next {@code size} tenants after the tenant {@code afterTenantId} (null: from the first),
     * newest tenant first. Fewer than {@code size}: that was the last page. Walk every tenant by passing the last
     * statement's tenant id again.
     */
    @RolesAllowed("PLATFORM_ADMIN")
    public List<Statement> allAfter(LocalDate from, LocalDate to, String afterTenantId, int size) {
        Periods.require(from, to);
        Tenant after = null;
        if (afterTenantId != null) {
            after = (Ids.isWellFormed(afterTenantId) ? tenants.find(afterTenantId) : java.util.Optional.<Tenant>empty())
                    .orElseThrow(() -> new NotFound("tenant"));
        }
        return statements.of(tenants.after(after, Math.max(1, Math.min(size, TENANTS_PER_PAGE))), from, to);
    }

    /** Every tenant's statement, newest tenant first (for the operator's page; the API streams {@link #allAfter}). */
    @RolesAllowed("PLATFORM_ADMIN")
    public List<Statement> all(LocalDate from, LocalDate to) {
        Periods.require(from, to);
        List<Statement> all = new java.util.ArrayList<>();
        List<Statement> page = allAfter(from, to, null, TENANTS_PER_PAGE);
        while (true) {
            all.addAll(page);
            if (page.size() < TENANTS_PER_PAGE) {
                return all;
            }
            page = allAfter(from, to, page.get(page.size() - 1).tenantId(), TENANTS_PER_PAGE);
        }
    }
}
