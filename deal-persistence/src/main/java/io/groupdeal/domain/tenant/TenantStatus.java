package io.groupdeal.domain.tenant;

public enum TenantStatus {
    ACTIVE,
    /** Set by the platform operator: the tenant's accounts cannot log in and its live tokens stop working. */
    SUSPENDED
}
