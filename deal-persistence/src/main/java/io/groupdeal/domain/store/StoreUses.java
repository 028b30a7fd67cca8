package io.groupdeal.domain.store;

import io.groupdeal.domain.shared.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What still depends on a store of a tenant (every statement names the tenant): the deals that need it now, and the
 * history that names it. A deal needs a store while it can still be sold or edited (DRAFT, IN_REVIEW, SCHEDULED, ON_SALE) or has
 * coupons that can still be used (PENDING, ACTIVE), if it names the store, or if it is valid at every store and this
 * is the last one. Read with the store row locked ({@link StoreRepository#lock}), so no deal starts naming it meanwhile.
 */
@ApplicationScoped
public class StoreUses {

    /** At most this many deals are named in a refusal; the merchant sees there are more. */
    public static final int MAX_NAMED = 20;

    private static final String USABLE_COUPONS =
            "EXISTS (SELECT 1 FROM coupon c WHERE c.tenant_id = d.tenant_id AND c.deal_id = d.id"
                    + " AND c.status IN ('PENDING', 'ACTIVE'))";

    @Inject
    private NativeSql sql;

    /** A deal that needs the store. */
    public record DealUse(String id, String title) {}

    /**
     * The deals that need the store (at most {@link #MAX_NAMED} + 1), by title. With {@code lastStore}, also the deals
     * valid at every store that are sold or still have usable coupons: without this store they would be valid nowhere.
     */
    public List<DealUse> liveDeals(String tenantId, String storeId, boolean lastStore) {
        String names =
                "EXISTS (SELECT 1 FROM deal_store x WHERE x.tenant_id = d.tenant_id AND x.deal_id = d.id AND x.store_id = ?)"
                        + " AND (d.status IN ('DRAFT', 'IN_REVIEW', 'SCHEDULED', 'ON_SALE') OR " + USABLE_COUPONS + ")";
        String everyStore =
                "NOT EXISTS (SELECT 1 FROM deal_store x WHERE x.tenant_id = d.tenant_id AND x.deal_id = d.id)"
                        + " AND (d.status IN ('IN_REVIEW', 'SCHEDULED', 'ON_SALE') OR " + USABLE_COUPONS + ")";
        return sql.rows(
                "SELECT d.id, d.title FROM deal d WHERE d.tenant_id = ? AND ((" + names + ")"
                        + (lastStore ? " OR (" + everyStore + ")" : "") + ") ORDER BY d.title, d.id LIMIT "
                        + (MAX_NAMED + 1),
                List.of(tenantId, storeId),
                r -> new DealUse(r.string("id"), r.string("title")));
    }

    /** Whether any deal ever named the store or anything was ever redeemed there: then its row stays, archived. */
    public boolean inHistory(String tenantId, String storeId) {
        return sql.one(
                "SELECT EXISTS (SELECT 1 FROM deal_store WHERE tenant_id = ? AND store_id = ?)"
                        + " OR EXISTS (SELECT 1 FROM redemption_event WHERE tenant_id = ? AND store_id = ?) AS used",
                List.of(tenantId, storeId, tenantId, storeId),
                r -> r.flag("used"));
    }

    /** Nobody works at an archived store's counter any more. */
    public void unassignStaff(String tenantId, String storeId) {
        sql.update("DELETE FROM staff_assignment WHERE tenant_id = ? AND store_id = ?", List.of(tenantId, storeId));
    }
}
