package io.groupdeal.interfaces.rest.platform;

import io.groupdeal.domain.tenant.Tenant;
import java.time.Instant;

public record TenantDto(String tenantId, String businessName, String status, String commissionRate, Instant createdAt)
        implements java.io.Serializable {

    public static TenantDto of(Tenant tenant) {
        return new TenantDto(tenant.id(), tenant.businessName(), tenant.status().name(),
                tenant.commissionRate().toPlainString(), tenant.createdAt());
    }
}
