package io.groupdeal.application.security;

import io.groupdeal.application.problem.NotPermitted;
import io.groupdeal.domain.shared.Tenancy;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Objects;

/**
 * Binds the transaction's persistence context to the caller's tenant before the boundary touches it, so that
 * EclipseLink adds {@code tenant_id} to every query and write. The tenant comes from the authenticated account
 * only. A caller without a tenant is refused before any query runs (fail closed).
 */
@TenantScoped
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 10)
public class TenantInterceptor {

    @PersistenceContext(unitName = "deal")
    private EntityManager em;

    @Inject
    private Caller caller;

    @AroundInvoke
    public Object bindTenant(InvocationContext invocation) throws Exception {
        String tenantId =
                caller.account().map(CallerAccount::tenantId).orElseThrow(() -> new NotPermitted("no-tenant"));
        Object current = em.getProperties().get(Tenancy.PROPERTY);
        if (current == null) {
            em.setProperty(Tenancy.PROPERTY, tenantId);
        } else if (!Objects.equals(current, tenantId)) {
            throw new IllegalStateException("persistence context already bound to another tenant");
        }
        return invocation.proceed();
    }
}
