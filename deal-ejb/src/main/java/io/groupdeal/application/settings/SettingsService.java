package io.groupdeal.application.settings;

import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.TenantScoped;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.domain.tenant.Tenant;
import io.groupdeal.domain.tenant.TenantRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Arrays;

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
        return update(businessName, timeZone, undoWindowMinutes, null);
    }

    /**
     * The same, and the language of mails to buyers who never chose one when {@code language} is given: {@code en} or
     * {@code zh-CN} (as {@link Language#tag()} writes them, in any case); any other value is refused before anything
     * changes.
     */
    public Tenant update(String businessName, String timeZone, int undoWindowMinutes, String language) {
        Language mails = language == null
                ? null
                : Arrays.stream(Language.values())
                        .filter(l -> l.tag().equalsIgnoreCase(language.strip()))
                        .findFirst()
                        .orElseThrow(() -> new InvalidInput("language", "language"));
        Tenant tenant = own();
        tenant.configure(businessName, timeZone, undoWindowMinutes);
        if (mails != null) {
            tenant.changeLanguage(mails);
        }
        return tenant;
    }

    private Tenant own() {
        String tenantId = caller.account().orElseThrow().tenantId();
        return tenants.find(tenantId).orElseThrow();
    }
}
