package io.groupdeal.application.store;

import io.groupdeal.application.PageOf;
import io.groupdeal.application.PageRequest;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.security.TenantScoped;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.store.GeoPoint;
import io.groupdeal.domain.store.Store;
import io.groupdeal.domain.store.StoreRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * A merchant admin's stores. Runs on the caller's tenant only: another tenant's store is answered exactly like a
 * store that does not exist.
 */
@Stateless
@RolesAllowed("MERCHANT_ADMIN")
@TenantScoped
public class StoreService {

    @Inject
    private StoreRepository stores;

    @Inject
    private Clock clock;

    public PageOf<Store> list(PageRequest request) {
        return new PageOf<>(stores.page(request.page(), request.size()), request.page(), request.size(), stores.count());
    }

    public Store get(String id) {
        return find(id);
    }

    public Store create(StoreDetails details) {
        Store store = new Store(details.name(), details.address(), location(details), details.timeZone(), clock.instant());
        stores.add(store);
        return store;
    }

    public Store update(String id, StoreDetails details) {
        Store store = find(id);
        store.describe(details.name(), details.address(), location(details), details.timeZone());
        return store;
    }

    public void delete(String id) {
        stores.remove(find(id));
    }

    private Store find(String id) {
        if (!Ids.isWellFormed(id)) {
            throw new NotFound("store");
        }
        return stores.find(id).orElseThrow(() -> new NotFound("store"));
    }

    private static GeoPoint location(StoreDetails details) {
        if (details.latitude() == null) {
            throw new InvalidInput("latitude", "is required");
        }
        if (details.longitude() == null) {
            throw new InvalidInput("longitude", "is required");
        }
        return new GeoPoint(details.latitude(), details.longitude());
    }
}
