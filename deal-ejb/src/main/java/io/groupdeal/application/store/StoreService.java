package io.groupdeal.application.store;

import io.groupdeal.application.PageOf;
import io.groupdeal.application.PageRequest;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.TenantScoped;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.store.GeoPoint;
import io.groupdeal.domain.store.Store;
import io.groupdeal.domain.store.StoreRepository;
import io.groupdeal.domain.store.StoreUses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A merchant admin's stores. Runs on the caller's tenant only: another tenant's store is answered exactly like a
 * store that does not exist. Deleting a store never changes where a sold coupon is valid: a store that a live deal
 * needs is refused (409 {@code store-in-use}, naming the deals), one that only history names is archived, and only a
 * store that nothing ever named is deleted.
 */
@Stateless
@RolesAllowed("MERCHANT_ADMIN")
@TenantScoped
public class StoreService {

    @Inject
    private StoreRepository stores;

    @Inject
    private StoreUses uses;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    public PageOf<Store> list(PageRequest request) {
        return new PageOf<>(
                stores.page(request.page(), request.size()), request.page(), request.size(), stores.count());
    }

    public Store get(String id) {
        return find(id);
    }

    public Store create(StoreDetails details) {
        Store store =
                new Store(details.name(), details.address(), location(details), details.timeZone(), clock.instant());
        stores.add(store);
        return store;
    }

    public Store update(String id, StoreDetails details) {
        Store store = find(id);
        store.describe(details.name(), details.address(), location(details), details.timeZone());
        return store;
    }

    /**
     * Deletes the store, archives it when history names it, or refuses when a deal still needs it (see
     * {@link StoreUses}). The store row is locked first, so a deal or staff edit naming it, a redemption there and this
     * decision never overlap; and the database refuses to delete a store that any deal names (ON DELETE RESTRICT).
     */
    public void delete(String id) {
        find(id);
        Store store = stores.lock(id).orElseThrow(() -> new NotFound("store"));
        String tenantId = caller.account().orElseThrow().tenantId();
        List<StoreUses.DealUse> live = uses.liveDeals(tenantId, store.id(), stores.count() == 1);
        if (!live.isEmpty()) {
            throw inUse(store, live);
        }
        if (uses.inHistory(tenantId, store.id())) {
            store.archive(clock.instant());
            uses.unassignStaff(tenantId, store.id());
            return;
        }
        try {
            stores.remove(store);
        } catch (PersistenceException refused) {
            // the foreign keys of the history refused it: it is named after all, so nothing was deleted
            throw inUse(store, List.of());
        }
    }

    private static Clash inUse(Store store, List<StoreUses.DealUse> deals) {
        List<StoreUses.DealUse> named =
                deals.stream().limit(StoreUses.MAX_NAMED).toList();
        Reason reason = deals.isEmpty()
                ? Reason.of("store-in-use.moment", store.name())
                : Reason.of(
                        deals.size() == 1
                                ? "store-in-use.deal"
                                : deals.size() > named.size() ? "store-in-use.deals-and-more" : "store-in-use.deals",
                        store.name(),
                        named.stream().map(StoreUses.DealUse::title).toList());
        List<Map<String, String>> members = named.stream()
                .map(d -> Map.of("id", d.id(), "title", d.title()))
                .toList();
        return new Clash("store-in-use", reason, Map.of("deals", members));
    }

    private Store find(String id) {
        if (!Ids.isWellFormed(id)) {
            throw new NotFound("store");
        }
        return stores.find(id).orElseThrow(() -> new NotFound("store"));
    }

    private static GeoPoint location(StoreDetails details) {
        if (details.latitude() == null) {
            throw new InvalidInput("latitude", "required");
        }
        if (details.longitude() == null) {
            throw new InvalidInput("longitude", "required");
        }
        return new GeoPoint(details.latitude(), details.longitude());
    }
}
