package io.groupdeal.application.settlement;

import io.groupdeal.application.Periods;
import io.groupdeal.application.security.Caller;
import io.groupdeal.domain.tenant.TenantRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;

/**
 * Settlement statements: a merchant admin gets the business's own; the operator gets every tenant's. For coupons
 * redeemed in the period (and not undone), per currency: gross value paid, commission at the tenant's rate, net owed.
 */
@Stateless
public class SettlementService {

    private static final int MAX_TENANTS = 1000;

    @Inject
    private Statements statements;

    @Inject
    private TenantRepository tenants;

    @Inject
    private Caller caller;

    @RolesAllowed("MERCHANT_ADMIN")
    public Statement own(LocalDate from, LocalDate to) {
        Periods.require(from, to);
        return statements.of(tenants.find(caller.account().orElseThrow().tenantId()).orElseThrow(), from, to);
    }

    @RolesAllowed("PLATFORM_ADMIN")
    public List<Statement> all(LocalDate from, LocalDate to) {
        Periods.require(from, to);
        return tenants.page(0, MAX_TENANTS).stream().map(t -> statements.of(t, from, to)).toList();
    }
}
