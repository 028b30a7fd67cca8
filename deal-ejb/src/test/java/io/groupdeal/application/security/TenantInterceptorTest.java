package io.groupdeal.application.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Wiring;
import io.groupdeal.application.problem.NotPermitted;
import io.groupdeal.domain.account.Role;
import io.groupdeal.domain.shared.Tenancy;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The persistence context takes the tenant of the authenticated account only, and a caller without one gets nothing. */
class TenantInterceptorTest {

    private final EntityManager em = mock(EntityManager.class);
    private final InvocationContext invocation = mock(InvocationContext.class);
    private final Map<String, Object> properties = new HashMap<>();

    private TenantInterceptor interceptorFor(Caller caller) {
        when(em.getProperties()).thenReturn(properties);
        return Wiring.wire(new TenantInterceptor(), em, caller);
    }

    @Test
    void aCallerWithoutTenantIsRefusedBeforeTheBoundaryRuns() throws Exception {
        TenantInterceptor interceptor = interceptorFor(Wiring.buyer("buyer-1"));

        assertEquals(
                "no-tenant",
                assertThrows(NotPermitted.class, () -> interceptor.bindTenant(invocation))
                        .type());
        assertThrows(NotPermitted.class, () -> interceptorFor(new Caller()).bindTenant(invocation));

        verify(invocation, never()).proceed();
        verify(em, never()).setProperty(anyString(), org.mockito.ArgumentMatchers.any());
    }

    @Test
    void theContextIsBoundToTheCallersTenantThenTheBoundaryRuns() throws Exception {
        when(invocation.proceed()).thenReturn("result");

        assertEquals("result", interceptorFor(Wiring.merchantAdmin("tenant-1")).bindTenant(invocation));

        verify(em).setProperty(Tenancy.PROPERTY, "tenant-1");
    }

    @Test
    void aContextBoundToTheSameTenantIsKept() throws Exception {
        properties.put(Tenancy.PROPERTY, "tenant-1");

        interceptorFor(Wiring.merchantAdmin("tenant-1")).bindTenant(invocation);

        verify(em, never()).setProperty(anyString(), org.mockito.ArgumentMatchers.any());
        verify(invocation).proceed();
    }

    @Test
    void aContextBoundToAnotherTenantIsNeverReused() throws Exception {
        properties.put(Tenancy.PROPERTY, "tenant-2");
        TenantInterceptor interceptor = interceptorFor(Wiring.caller(
                new CallerAccount("staff-1", "s@shop.example", "S", Role.STAFF, "tenant-1", "Shop", 10, null)));

        assertThrows(IllegalStateException.class, () -> interceptor.bindTenant(invocation));
        verify(invocation, never()).proceed();
    }
}
