package io.groupdeal.interfaces.web;

import io.groupdeal.application.platform.PlatformService;
import io.groupdeal.application.platform.TenantOverview;
import io.groupdeal.domain.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The tenants page's moderation switch: the operator turns a tenant's review of deals on or off. */
@Named
@RequestScoped
public class TenantModeration {

    @EJB
    private PlatformService platform;

    public String toggle(TenantOverview overview) {
        Tenant tenant = overview.tenant();
        boolean moderated = !tenant.isModerated();
        if (Messages.attempt(() -> platform.changeModeration(tenant.id(), moderated))) {
            Messages.info(Words.of(
                    moderated ? "moderation.tenants.turnedOn" : "moderation.tenants.turnedOff", tenant.businessName()));
            return Messages.reloadPage();
        }
        return null;
    }
}
