package io.groupdeal.application.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Wiring;
import io.groupdeal.domain.shared.InvalidValue;
import io.groupdeal.domain.tenant.Tenant;
import io.groupdeal.domain.tenant.TenantRepository;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The caller's own business is configured, every field checked before any changes. */
class SettingsServiceTest {

    private final TenantRepository tenants = mock(TenantRepository.class);
    private final SettingsService service =
            Wiring.wire(new SettingsService(), tenants, Wiring.merchantAdmin("tenant-1"));
    private final Tenant own = new Tenant("Noodle Republic", Instant.EPOCH);

    @Test
    void theCallersOwnBusinessIsChanged() {
        when(tenants.find("tenant-1")).thenReturn(Optional.of(own));

        Tenant changed = service.update("Noodle Empire", "Europe/Berlin", 30);

        assertEquals(own, changed);
        assertEquals("Noodle Empire", own.businessName());
        assertEquals(ZoneId.of("Europe/Berlin"), own.timeZone());
        assertEquals(30, own.undoWindowMinutes());
    }

    @Test
    void aBadFieldChangesNothing() {
        when(tenants.find("tenant-1")).thenReturn(Optional.of(own));

        assertThrows(InvalidValue.class, () -> service.update("Noodle Empire", "Mars/Olympus", 30));
        assertThrows(InvalidValue.class, () -> service.update("Noodle Empire", "Europe/Berlin", 1441));

        assertEquals("Noodle Republic", own.businessName());
        assertEquals(ZoneId.of("UTC"), own.timeZone());
        assertEquals(Tenant.DEFAULT_UNDO_WINDOW_MINUTES, own.undoWindowMinutes());
    }
}
