package io.groupdeal.interfaces.web;

import io.groupdeal.application.PageRequest;
import io.groupdeal.application.platform.PlatformService;
import io.groupdeal.interfaces.rest.platform.TenantDto;
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

    private List<TenantDto> tenants = List.of();
    private long total;

    @PostConstruct
    void load() {
        var page = platform.tenants(new PageRequest(0, PageRequest.MAX_SIZE));
        tenants = page.items().stream().map(TenantDto::of).toList();
        total = page.total();
    }

    public String suspend(TenantDto tenant) {
        if (Messages.attempt(() -> platform.suspend(tenant.tenantId()))) {
            Messages.info(Words.of("page.tenants.suspended", tenant.businessName()));
            return Messages.reloadPage();
        }
        return null;
    }

    public String activate(TenantDto tenant) {
        if (Messages.attempt(() -> platform.activate(tenant.tenantId()))) {
            Messages.info(Words.of("page.tenants.activated", tenant.businessName()));
            return Messages.reloadPage();
        }
        return null;
    }

    /** Sets the commission from the row's percent field (15 or 15.5 for 15 % or 15.5 %). */
    public String changeCommission(TenantDto tenant) {
        String percent = faces.getExternalContext().getRequestParameterMap().get("rate_" + tenant.tenantId());
        java.math.BigDecimal rate;
        try {
            rate = new java.math.BigDecimal(percent.strip().replace(',', '.').replace("%", "")).movePointLeft(2);
        } catch (RuntimeException e) {
            Messages.error(Words.of("page.tenants.commissionFormat"));
            return null;
        }
        if (Messages.attempt(() -> platform.changeCommission(tenant.tenantId(), rate.toPlainString()))) {
            Messages.info(
                    Words.of("page.tenants.commissionChanged", tenant.businessName(), percent(rate.toPlainString())));
            return Messages.reloadPage();
        }
        return null;
    }

    /** "0.1550" → "15.5". */
    public String percent(String rate) {
        return new java.math.BigDecimal(rate)
                .movePointRight(2)
                .stripTrailingZeros()
                .toPlainString();
    }

    public List<TenantDto> getTenants() {
        return tenants;
    }

    public long getTotal() {
        return total;
    }
}
