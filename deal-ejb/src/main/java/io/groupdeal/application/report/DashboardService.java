package io.groupdeal.application.report;

import io.groupdeal.application.Periods;
import io.groupdeal.application.security.Caller;
import io.groupdeal.domain.report.Dashboard;
import io.groupdeal.domain.report.DashboardRepository;
import io.groupdeal.domain.tenant.Tenant;
import io.groupdeal.domain.tenant.TenantRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;

/** The merchant admin's dashboard of the business's own figures; days are those of the business's time zone. */
@Stateless
@RolesAllowed("MERCHANT_ADMIN")
public class DashboardService {

    @Inject
    private DashboardRepository dashboards;

    @Inject
    private TenantRepository tenants;

    @Inject
    private Caller caller;

    public Dashboard of(LocalDate from, LocalDate to) {
        Periods.require(from, to);
        Tenant tenant = tenants.find(caller.account().orElseThrow().tenantId()).orElseThrow();
        return dashboards.dashboard(tenant.id(), from, to, tenant.timeZone());
    }

    /** Today in the business's time zone, where a period that the merchant did not choose ends. */
    public LocalDate today() {
        return LocalDate.now(tenants.find(caller.account().orElseThrow().tenantId())
                .orElseThrow()
                .timeZone());
    }
}
