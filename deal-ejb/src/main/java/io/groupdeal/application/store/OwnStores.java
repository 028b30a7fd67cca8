package io.groupdeal.application.store;

import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.store.StoreRepository;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Store ids that a merchant names (a staff member's stores, a deal's stores) must be stores of the caller's tenant.
 * Another tenant's store reads exactly like an unknown one.
 */
public final class OwnStores {

    private OwnStores() {}

    public static Set<String> require(StoreRepository stores, List<String> storeIds) {
        Set<String> wanted = new LinkedHashSet<>(storeIds == null ? List.of() : storeIds);
        List<String> known =
                stores.existing(wanted.stream().filter(Ids::isWellFormed).toList());
        for (String id : wanted) {
            if (!known.contains(id)) {
                String shown = id == null ? "null" : id.length() > 40 ? id.substring(0, 40) + "…" : id;
                throw new InvalidInput("storeIds", "no-store-with-id", shown);
            }
        }
        return wanted;
    }
}
