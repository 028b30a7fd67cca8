package io.groupdeal.application.settings;

import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.TenantScoped;
import io.groupdeal.domain.tenant.Tenant;
import io.groupdeal.domain.tenant.TenantRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** A merchant admin reads and changes the business's settings; every field is checked, nothing half-changes. */
@Stateless
@RolesAllowed("MERCHANT_ADMIN")
@TenantScoped
public class SettingsService {

    @Inject
    private TenantRepository tenants;

    @Inject
    private Caller caller;

    public Tenant get() {
        return own();
    }

    public Tenant update(String businessName, String timeZone, int undoWindowMinutes) {
        Tenant tenant = own();
        tenant.configure(businessName, timeZone, undoWindowMinutes);
        return tenant;
    }

    private Tenant own() {
        String tenantId = caller.account().orElseThrow().tenantId();
        return tenants.find(tenantId).orElseThrow();
    }
}
