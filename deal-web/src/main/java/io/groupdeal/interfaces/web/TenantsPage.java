package io.groupdeal.interfaces.web;

import io.groupdeal.application.PageRequest;
import io.groupdeal.application.platform.PlatformService;
import io.groupdeal.application.platform.TenantOverview;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The operator's tenant list: status, live deals and the last 30 days' sales at a glance, suspend and reactivate. */
@Named
@ViewScoped
public class TenantsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private FacesContext faces;

    @Inject
    private PlatformService platform;

    private List<TenantOverview> tenants = List.of();
    private long total;

    @PostConstruct
    void load() {
        var page = platform.tenants(new PageRequest(0, PageRequest.MAX_SIZE));
        tenants = page.items();
        total = page.total();
    }

    public String suspend(TenantOverview tenant) {
        if (Messages.attempt(() -> platform.suspend(tenant.tenant().id()))) {
            Messages.info(Words.of("page.tenants.suspended", tenant.tenant().businessName()));
            return Messages.reloadPage();
        }
        return null;
    }

    public String activate(TenantOverview tenant) {
        if (Messages.attempt(() -> platform.activate(tenant.tenant().id()))) {
            Messages.info(Words.of("page.tenants.activated", tenant.tenant().businessName()));
            return Messages.reloadPage();
        }
        return null;
    }

    /** Sets the commission from the row's percent field (15 or 15.5 for 15 % or 15.5 %). */
    public String changeCommission(TenantOverview tenant) {
        String percent = faces.getExternalContext()
                .getRequestParameterMap()
                .get("rate_" + tenant.tenant().id());
        java.math.BigDecimal rate;
        try {
            rate = new java.math.BigDecimal(percent.strip().replace(',', '.').replace("%", "")).movePointLeft(2);
        } catch (RuntimeException e) {
            Messages.error(Words.of("page.tenants.commissionFormat"));
            return null;
        }
        if (Messages.attempt(() -> platform.changeCommission(tenant.tenant().id(), rate.toPlainString()))) {
            Messages.info(
                    Words.of("page.tenants.commissionChanged", tenant.tenant().businessName(), percent(rate)));
            return Messages.reloadPage();
        }
        return null;
    }

    /** 0.1550 → "15.5". */
    public String percent(java.math.BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    public List<TenantOverview> getTenants() {
        return tenants;
    }

    public long getTotal() {
        return total;
    }
}
