package io.groupdeal.domain.redemption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.groupdeal.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A counter's history is read over [from, to) of one tenant, at every store or at one; a page and its count agree. */
class CounterWindowTest {

    static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-03-08T00:00:00Z");

    @Test
    void atEveryStoreTheWindowIsItsTenantAndItsTimes() {
        CounterWindow window = new CounterWindow(new TenantId("tenant-1"), null, FROM, TO);
        assertEquals(" AND r.occurred_at >= ? AND r.occurred_at < ?", window.conditions("r", "occurred_at"));
        assertEquals(List.of("tenant-1", FROM, TO), window.parameters());
    }

    @Test
    void atOneStoreTheStoreIsTheLastCondition() {
        CounterWindow window = new CounterWindow(new TenantId("tenant-1"), "store-1", FROM, TO);
        assertEquals(
                " AND u.recorded_at >= ? AND u.recorded_at < ? AND u.store_id = ?",
                window.conditions("u", "recorded_at"));
        assertEquals(List.of("tenant-1", FROM, TO, "store-1"), window.parameters());
    }

    @Test
    void aPageIsTheWindowNewestFirstWithItsLimitAndOffset() {
        CounterWindow window = new CounterWindow(new TenantId("tenant-1"), "store-1", FROM, TO);
        assertEquals(
                window.conditions("r", "occurred_at") + " ORDER BY r.occurred_at DESC, r.id DESC LIMIT ? OFFSET ?",
                window.page("r", "occurred_at"));
        assertEquals(List.of("tenant-1", FROM, TO, "store-1", 20, 40), window.parameters(2, 20));
    }
}
