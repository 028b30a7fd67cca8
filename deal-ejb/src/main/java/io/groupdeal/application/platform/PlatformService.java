package io.groupdeal.application.platform;

import io.groupdeal.application.PageOf;
import io.groupdeal.application.PageRequest;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.tenant.Tenant;
import io.groupdeal.domain.tenant.TenantFigures;
import io.groupdeal.domain.tenant.TenantFiguresRepository;
import io.groupdeal.domain.tenant.TenantRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The operator runs the platform: sees every tenant, suspends or reactivates one, sets its commission and whether its
 * deals are reviewed before they go live (moderation). A suspended
 * tenant's accounts cannot log in and their live tokens stop working at their next request. Every tenant comes with
 * its deals on sale now and its sales of the last {@value #SALES_DAYS} days, counted for a whole page at once.
 */
@Stateless
@RolesAllowed("PLATFORM_ADMIN")
public class PlatformService {

    public static final int SALES_DAYS = 30;

    @Inject
    private TenantRepository tenants;

    @Inject
    private TenantFiguresRepository figures;

    @Inject
    private Clock clock;

    public PageOf<TenantOverview> tenants(PageRequest request) {
        List<Tenant> page = tenants.page(request.page(), request.size());
        return new PageOf<>(overviews(page), request.page(), request.size(), tenants.count());
    }

    public TenantOverview suspend(String tenantId) {
        Tenant tenant = find(tenantId);
        tenant.suspend();
        return overview(tenant);
    }

    public TenantOverview activate(String tenantId) {
        Tenant tenant = find(tenantId);
        tenant.activate();
        return overview(tenant);
    }

    /**
     * Sets the platform's share of the tenant's redeemed value from now on, given as a decimal text such as "0.15";
     * the rate's history keeps the earlier rates for the periods they applied to.
     */
    public TenantOverview changeCommission(String tenantId, String rate) {
        Tenant tenant = find(tenantId);
        tenants.changeCommissionRate(tenant, decimal(rate), clock.instant());
        return overview(tenant);
    }

    /**
     * Whether the tenant's deals are reviewed before they go live, from its next publish on: deals already in review
     * stay there until the operator decides.
     */
    public TenantOverview changeModeration(String tenantId, boolean moderated) {
        Tenant tenant = find(tenantId);
        tenant.changeModeration(moderated);
        return overview(tenant);
    }

    /**
     * Changes what is given in one transaction: the commission rate ({@link #changeCommission}) and/or the moderation
     * ({@link #changeModeration}); at least one of them (400 otherwise), and nothing changes when either is refused.
     */
    public TenantOverview change(String tenantId, String rate, Boolean moderated) {
        if (rate == null && moderated == null) {
            throw new InvalidInput("commissionRate", "required-unless-moderated");
        }
        Tenant tenant = find(tenantId);
        if (rate != null) {
            tenants.changeCommissionRate(tenant, decimal(rate), clock.instant());
        }
        if (moderated != null) {
            tenant.changeModeration(moderated);
        }
        return overview(tenant);
    }

    private TenantOverview overview(Tenant tenant) {
        return overviews(List.of(tenant)).get(0);
    }

    private List<TenantOverview> overviews(List<Tenant> page) {
        Instant now = clock.instant();
        Map<String, TenantFigures> counted =
                figures.of(page.stream().map(Tenant::id).toList(), now.minus(Duration.ofDays(SALES_DAYS)), now);
        return page.stream()
                .map(t -> new TenantOverview(t, counted.getOrDefault(t.id(), TenantFigures.NONE)))
                .toList();
    }

    private static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput("commissionRate", "required");
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("commissionRate", "decimal-such-as", "0.15");
        }
    }

    private Tenant find(String id) {
        if (!Ids.isWellFormed(id)) {
            throw new NotFound("tenant");
        }
        return tenants.find(id).orElseThrow(() -> new NotFound("tenant"));
    }
}
