package io.groupdeal.application.platform;

import static io.groupdeal.application.Wiring.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.groupdeal.application.PageRequest;
import io.groupdeal.application.Wiring;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.tenant.Tenant;
import io.groupdeal.domain.tenant.TenantFigures;
import io.groupdeal.domain.tenant.TenantFiguresRepository;
import io.groupdeal.domain.tenant.TenantRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The operator suspends and reactivates tenants and sets their commission; every tenant shows its last 30 days. */
class PlatformServiceTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final TenantRepository tenants = mock(TenantRepository.class);
    private final TenantFiguresRepository figures = mock(TenantFiguresRepository.class);
    private final PlatformService service =
            Wiring.wire(new PlatformService(), tenants, figures, Clock.fixed(NOW, ZoneOffset.UTC));

    private Tenant stored() {
        Tenant tenant = new Tenant("Noodle Republic", Instant.EPOCH);
        when(tenants.find(tenant.id())).thenReturn(Optional.of(tenant));
        return tenant;
    }

    @Test
    void aTenantIsSuspendedAndReactivated() {
        Tenant tenant = stored();

        assertFalse(service.suspend(tenant.id()).tenant().isActive());
        assertTrue(service.activate(tenant.id()).tenant().isActive());
    }

    @Test
    void aCommissionRateIsADecimalNumber() {
        Tenant tenant = stored();

        assertEquals(
                List.of("commissionRate"),
                fields(assertThrows(
                        InvalidInput.class, () -> service.changeCommission(tenant.id(), "fifteen percent"))));
        assertEquals(
                List.of("commissionRate"),
                fields(assertThrows(InvalidInput.class, () -> service.changeCommission(tenant.id(), " "))));
        verify(tenants, never()).changeCommissionRate(any(), any(), any());

        service.changeCommission(tenant.id(), " 0.15 ");
        verify(tenants).changeCommissionRate(tenant, new BigDecimal("0.15"), NOW);
    }

    @Test
    void anUnknownTenantIsNotFound() {
        String unknown = Ids.newId();
        when(tenants.find(unknown)).thenReturn(Optional.empty());
        assertThrows(NotFound.class, () -> service.suspend(unknown));
        assertThrows(NotFound.class, () -> service.activate("x"));
    }

    @Test
    void eachTenantOfAPageShowsItsFiguresOfTheLast30DaysReadOnceForThePage() {
        Tenant busy = new Tenant("Busy", Instant.EPOCH);
        Tenant quiet = new Tenant("Quiet", Instant.EPOCH);
        when(tenants.page(0, 20)).thenReturn(List.of(busy, quiet));
        when(tenants.count()).thenReturn(2L);
        TenantFigures counted = new TenantFigures(3, 40, List.of());
        when(figures.of(List.of(busy.id(), quiet.id()), NOW.minus(Duration.ofDays(PlatformService.SALES_DAYS)), NOW))
                .thenReturn(Map.of(busy.id(), counted));

        var page = service.tenants(new PageRequest(0, 20));

        assertSame(counted, page.items().get(0).figures());
        assertSame(TenantFigures.NONE, page.items().get(1).figures());
        assertEquals(2, page.total());
    }
}
