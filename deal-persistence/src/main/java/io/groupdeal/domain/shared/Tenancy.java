package io.groupdeal.domain.shared;

/**
 * The EclipseLink context property that carries the tenant of a persistence context. Every entity that is tenant
 * data is {@code @Multitenant(SINGLE_TABLE)} with the discriminator column {@link #COLUMN}: EclipseLink adds
 * {@code tenant_id = :tenant} to every query and write, and refuses to run them when no tenant is set.
 */
public final class Tenancy {

    public static final String PROPERTY = "eclipselink.tenant-id";
    public static final String COLUMN = "tenant_id";

    private Tenancy() {}
}
