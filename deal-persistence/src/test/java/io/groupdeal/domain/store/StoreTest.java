package io.groupdeal.domain.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.domain.shared.InvalidValue;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A store is described completely or not at all, and archived once. */
class StoreTest {

    static final GeoPoint BERLIN = new GeoPoint(52.52, 13.40);

    private final Store store = new Store(" Mitte ", " Main Street 1 ", BERLIN, "Europe/Berlin", Instant.EPOCH);

    @Test
    void aStoreIsDescribedWithStrippedTexts() {
        assertEquals("Mitte", store.name());
        assertEquals("Main Street 1", store.address());
        assertEquals("Europe/Berlin", store.timeZone());
        assertFalse(store.isArchived());
    }

    @Test
    void aBadDescriptionNamesItsFieldAndChangesNothing() {
        assertEquals(
                "address",
                assertThrows(InvalidValue.class, () -> store.describe("Kreuzberg", " ", BERLIN, "Europe/Berlin"))
                        .field());
        assertEquals(
                "timeZone",
                assertThrows(InvalidValue.class, () -> store.describe("Kreuzberg", "Oranienstr. 2", BERLIN, "Berlin"))
                        .field());
        assertEquals(
                "location",
                assertThrows(
                                InvalidValue.class,
                                () -> store.describe("Kreuzberg", "Oranienstr. 2", null, "Europe/Berlin"))
                        .field());
        assertEquals(
                "name",
                assertThrows(
                                InvalidValue.class,
                                () -> store.describe(
                                        "x".repeat(Store.MAX_NAME + 1), "Oranienstr. 2", BERLIN, "Europe/Berlin"))
                        .field());

        assertEquals("Mitte", store.name());
        assertEquals("Main Street 1", store.address());
    }

    @Test
    void anArchivedStoreKeepsTheMomentItWasFirstArchived() throws Exception {
        store.archive(Instant.parse("2026-03-01T10:00:00Z"));
        store.archive(Instant.parse("2026-04-01T10:00:00Z"));

        assertTrue(store.isArchived());
        var field = Store.class.getDeclaredField("archivedAt");
        field.setAccessible(true);
        assertEquals(Instant.parse("2026-03-01T10:00:00Z"), field.get(store));
    }
}
