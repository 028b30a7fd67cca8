package io.groupdeal.domain.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.domain.shared.InvalidValue;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TenantTest {

    @Test
    void newTenantIsActiveWithDefaults() {
        Tenant tenant = new Tenant("  Noodle Republic ", Instant.EPOCH);
        assertEquals("Noodle Republic", tenant.businessName());
        assertTrue(tenant.isActive());
        assertEquals(new BigDecimal("0.1000"), tenant.commissionRate());
        assertEquals(10, tenant.undoWindowMinutes());
        assertTrue(tenant.isModerated(), "a new tenant's deals are reviewed until the operator decides otherwise");
        tenant.changeModeration(false);
        assertFalse(tenant.isModerated());
        tenant.suspend();
        assertFalse(tenant.isActive());
        tenant.activate();
        assertTrue(tenant.isActive());
    }

    @Test
    void commissionIsBetweenZeroAndOne() {
        Tenant tenant = new Tenant("Spa", Instant.EPOCH);
        tenant.changeCommissionRate(new BigDecimal("0.15"));
        assertEquals(new BigDecimal("0.1500"), tenant.commissionRate());
        assertThrows(InvalidValue.class, () -> tenant.changeCommissionRate(new BigDecimal("1.01")));
        assertThrows(InvalidValue.class, () -> tenant.changeCommissionRate(new BigDecimal("-0.01")));
        assertEquals(new BigDecimal("0.1500"), tenant.commissionRate());
    }

    @Test
    void businessNameIsRequired() {
        assertThrows(InvalidValue.class, () -> new Tenant(" ", Instant.EPOCH));
        assertThrows(InvalidValue.class, () -> new Tenant("x".repeat(121), Instant.EPOCH));
    }
}
