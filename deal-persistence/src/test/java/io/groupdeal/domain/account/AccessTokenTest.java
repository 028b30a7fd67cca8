package io.groupdeal.domain.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessTokenTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aTokenWorksUntilItsExpiryExclusive() {
        AccessToken token = new AccessToken("hash", "acc", NOW.minusSeconds(3600), NOW);
        assertFalse(token.isExpiredAt(NOW.minusNanos(1000)));
        assertTrue(token.isExpiredAt(NOW));
    }

    @Test
    void anAccountBelongsToATenantExactlyWhenItsRoleDoes() {
        EmailAddress email = new EmailAddress("a@example.com");
        assertThrows(IllegalStateException.class, () -> new Account(email, "A", "h", Role.STAFF, null, NOW));
        assertThrows(IllegalStateException.class, () -> new Account(email, "A", "h", Role.BUYER, "tenant-1", NOW));
        assertThrows(
                IllegalStateException.class, () -> new Account(email, "A", "h", Role.PLATFORM_ADMIN, "tenant-1", NOW));
    }
}
