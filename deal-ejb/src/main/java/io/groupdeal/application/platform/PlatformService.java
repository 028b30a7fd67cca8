package io.groupdeal.application.platform;

import io.groupdeal.application.PageOf;
import io.groupdeal.application.PageRequest;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.tenant.Tenant;
import io.groupdeal.domain.tenant.TenantRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;

/**
 * The operator runs the platform: sees every tenant, suspends or reactivates one, sets its commission. A suspended
 * tenant's accounts cannot log in and their live tokens stop working at their next request.
 */
@Stateless
@RolesAllowed("PLATFORM_ADMIN")
public class PlatformService {

    @Inject
    private TenantRepository tenants;

    public PageOf<Tenant> tenants(PageRequest request) {
        return new PageOf<>(tenants.page(request.page(), request.size()), request.page(), request.size(), tenants.count());
    }

    public Tenant suspend(String tenantId) {
        Tenant tenant = find(tenantId);
        tenant.suspend();
        return tenant;
    }

    public Tenant activate(String tenantId) {
        Tenant tenant = find(tenantId);
        tenant.activate();
        return tenant;
    }

    /** Sets the platform's share of the tenant's redeemed value, given as a decimal text such as "0.15". */
    public Tenant changeCommission(String tenantId, String rate) {
        Tenant tenant = find(tenantId);
        tenant.changeCommissionRate(decimal(rate));
        return tenant;
    }

    private static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput("commissionRate", "is required");
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("commissionRate", "must be a decimal number such as 0.15");
        }
    }

    private Tenant find(String id) {
        if (!Ids.isWellFormed(id)) {
            throw new NotFound("tenant");
        }
        return tenants.find(id).orElseThrow(() -> new NotFound("tenant"));
    }
}
