package io.groupdeal.interfaces.rest.settings;

import io.groupdeal.domain.tenant.Tenant;

/** The business's settings; {@code commissionRate} and {@code status} are the operator's and only shown here. */
public record SettingsDto(
        String tenantId,
        String businessName,
        String timeZone,
        int undoWindowMinutes,
        String commissionRate,
        String status,
        String language) {

    public static SettingsDto of(Tenant tenant) {
        return new SettingsDto(
                tenant.id(),
                tenant.businessName(),
                tenant.timeZone().getId(),
                tenant.undoWindowMinutes(),
                tenant.commissionRate().toPlainString(),
                tenant.status().name(),
                tenant.language().tag());
    }
}
