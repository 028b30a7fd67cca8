package io.groupdeal.application.store;

import static io.groupdeal.application.Wiring.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Wiring;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.store.GeoPoint;
import io.groupdeal.domain.store.Store;
import io.groupdeal.domain.store.StoreRepository;
import io.groupdeal.domain.store.StoreUses;
import io.groupdeal.domain.store.StoreUses.DealUse;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Deleting a store refuses, archives or deletes it; a store's details are checked before anything is written. */
class StoreServiceTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final StoreRepository stores = mock(StoreRepository.class);
    private final StoreUses uses = mock(StoreUses.class);
    private final StoreService service = Wiring.wire(
            new StoreService(), stores, uses, Wiring.merchantAdmin("tenant-1"), Clock.fixed(NOW, ZoneOffset.UTC));

    private Store stored(String name) {
        Store store = new Store(name, "Main Street 1", new GeoPoint(52.52, 13.40), "Europe/Berlin", NOW);
        when(stores.find(store.id())).thenReturn(Optional.of(store));
        when(stores.lock(store.id())).thenReturn(Optional.of(store));
        return store;
    }

    @Test
    void aStoreALiveDealNeedsIsRefusedNamingTheDealAndStaysAsItIs() {
        Store store = stored("Mitte");
        when(stores.count()).thenReturn(2L);
        String dealId = Ids.newId();
        when(uses.liveDeals("tenant-1", store.id(), false)).thenReturn(List.of(new DealUse(dealId, "Noodles")));

        Clash refused = assertThrows(Clash.class, () -> service.delete(store.id()));

        assertEquals("store-in-use", refused.type());
        assertEquals(Reason.of("store-in-use.deal", "Mitte", List.of("Noodles")), refused.reason());
        assertEquals(
                List.of(Map.of("id", dealId, "title", "Noodles")),
                refused.extensions().get("deals"));
        assertFalse(store.isArchived());
        verify(stores, never()).remove(any());
        verify(uses, never()).unassignStaff(anyString(), anyString());
    }

    @Test
    void theLastStoreAlsoAsksForTheDealsValidEverywhere() {
        Store store = stored("Only");
        when(stores.count()).thenReturn(1L);

        service.delete(store.id());

        verify(uses).liveDeals("tenant-1", store.id(), true);
    }

    @Test
    void aRefusalNamesAtMostTwentyDealsAndSaysThereAreMore() {
        Store store = stored("Mitte");
        List<DealUse> many = IntStream.range(0, StoreUses.MAX_NAMED + 1)
                .mapToObj(i -> new DealUse(Ids.newId(), "Deal " + i))
                .toList();
        when(uses.liveDeals(anyString(), anyString(), anyBoolean())).thenReturn(many);

        Clash refused = assertThrows(Clash.class, () -> service.delete(store.id()));

        assertEquals(StoreUses.MAX_NAMED, ((List<?>) refused.extensions().get("deals")).size());
        assertEquals("store-in-use.deals-and-more", refused.reason().key());
        assertEquals(StoreUses.MAX_NAMED, ((List<?>) refused.reason().args().get(1)).size());
    }

    @Test
    void aStoreThatHistoryNamesIsArchivedAndItsStaffUnassignedNotDeleted() {
        Store store = stored("Mitte");
        when(uses.inHistory("tenant-1", store.id())).thenReturn(true);

        service.delete(store.id());

        assertTrue(store.isArchived());
        verify(uses).unassignStaff("tenant-1", store.id());
        verify(stores, never()).remove(any());
    }

    @Test
    void aStoreNothingEverNamedIsDeleted() {
        Store store = stored("Mitte");

        service.delete(store.id());

        verify(stores).remove(store);
        assertFalse(store.isArchived());
        verify(uses, never()).unassignStaff(anyString(), anyString());
    }

    @Test
    void aDeletionTheForeignKeysRefuseIsAnsweredInUse() {
        Store store = stored("Mitte");
        doThrow(new PersistenceException("FK")).when(stores).remove(store);

        Clash refused = assertThrows(Clash.class, () -> service.delete(store.id()));

        assertEquals("store-in-use", refused.type());
        assertEquals("store-in-use.moment", refused.reason().key());
    }

    @Test
    void anotherTenantsOrAMalformedStoreIsNotFound() {
        assertThrows(NotFound.class, () -> service.delete("not an id"));
        verifyNoInteractions(stores, uses);

        String other = Ids.newId();
        when(stores.find(other)).thenReturn(Optional.empty());
        assertThrows(NotFound.class, () -> service.delete(other));
        verify(stores, never()).lock(anyString());
    }

    @Test
    void aStoreWithoutCoordinatesIsRefusedBeforeAnythingIsWritten() {
        InvalidInput refused = assertThrows(
                InvalidInput.class,
                () -> service.create(new StoreDetails("Mitte", "Main Street 1", null, 13.4, "Europe/Berlin")));
        assertEquals(List.of("latitude"), fields(refused));
        assertEquals(
                List.of("longitude"),
                fields(assertThrows(
                        InvalidInput.class,
                        () -> service.create(
                                new StoreDetails("Mitte", "Main Street 1", 52.5, null, "Europe/Berlin")))));
        verify(stores, never()).add(any());
    }

    @Test
    void aNewStoreIsAddedAsDescribed() {
        Store store = service.create(new StoreDetails(" Mitte ", "Main Street 1", 52.5, 13.4, "Europe/Berlin"));

        verify(stores).add(store);
        assertEquals("Mitte", store.name());
        assertEquals(NOW, store.createdAt());
    }

    @Test
    void anUpdateChangesTheStoreFoundForTheCaller() {
        Store store = stored("Mitte");

        service.update(store.id(), new StoreDetails("Kreuzberg", "Oranienstr. 2", 52.5, 13.42, "Europe/Berlin"));

        assertEquals("Kreuzberg", store.name());
        assertEquals("Oranienstr. 2", store.address());
    }
}
