package io.groupdeal.domain.photo;

import io.groupdeal.domain.shared.NativeSql;
import io.groupdeal.domain.shared.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code deal_photo} rows. Every statement names the tenant itself (native SQL is not filtered by EclipseLink),
 * except the public reads, which take a photo only from a deal a visitor may see.
 */
@ApplicationScoped
public class PhotoRepository {

    /** Photos a deal may have: the slots 0..9 of {@code deal_photo}, bounded by the table's CHECK. */
    public static final int MAX_PER_DEAL = 10;

    @Inject
    private NativeSql sql;

    /** Whether the tenant has this deal (any status). */
    public boolean dealExists(String tenantId, String dealId) {
        return sql.any("SELECT 1 FROM deal WHERE tenant_id = ? AND id = ?", List.of(tenantId, dealId));
    }

    /** A deal's photos, cover first. */
    public List<DealPhoto> ofDeal(String tenantId, String dealId) {
        return sql.rows(
                "SELECT id, deal_id, width, height FROM deal_photo WHERE tenant_id = ? AND deal_id = ?"
                        + " ORDER BY position, id",
                List.of(tenantId, dealId),
                PhotoRepository::photo);
    }

    /** The photos of several deals (any tenants: the catalog's page), each deal's cover first; one statement. */
    public Map<String, List<DealPhoto>> ofDeals(Collection<String> dealIds) {
        if (dealIds.isEmpty()) {
            return Map.of();
        }
        String marks = dealIds.stream().map(id -> "?").collect(Collectors.joining(", "));
        return sql
                .rows(
                        "SELECT id, deal_id, width, height FROM deal_photo WHERE deal_id IN (" + marks + ")"
                                + " ORDER BY deal_id, position, id",
                        List.copyOf(dealIds),
                        PhotoRepository::photo)
                .stream()
                .collect(Collectors.groupingBy(DealPhoto::dealId, LinkedHashMap::new, Collectors.toList()));
    }

    /**
     * Adds a photo in the first free slot of the deal, at the end of its order: each slot is tried by an insert that
     * the unique slot key refuses when taken (a parallel upload holding it makes this one wait for its outcome), so
     * the deal never has more than {@link #MAX_PER_DEAL}. False when every slot is taken.
     */
    public boolean add(String tenantId, DealPhoto photo, Instant now) {
        Set<Integer> taken = new HashSet<>();
        taken.addAll(sql.rows(
                "SELECT slot FROM deal_photo WHERE tenant_id = ? AND deal_id = ?",
                List.of(tenantId, photo.dealId()),
                r -> r.intValue("slot")));
        for (int slot = 0; slot < MAX_PER_DEAL; slot++) {
            if (taken.contains(slot)) {
                continue;
            }
            boolean added = sql.insertUnlessDuplicate(
                    "INSERT INTO deal_photo (tenant_id, id, deal_id, slot, position, width,"
                            + " height, created_at) SELECT ?, ?, ?, ?, COALESCE(MAX(position) + 1, 0), ?, ?, ? FROM deal_photo"
                            + " WHERE tenant_id = ? AND deal_id = ?",
                    List.of(
                            tenantId,
                            photo.id(),
                            photo.dealId(),
                            slot,
                            photo.width(),
                            photo.height(),
                            now,
                            tenantId,
                            photo.dealId()));
            if (added) {
                return true;
            }
        }
        return false;
    }

    /** Removes a photo of the deal; false when the deal has no such photo. */
    public boolean remove(String tenantId, String dealId, String photoId) {
        return sql.changesOne(
                "DELETE FROM deal_photo WHERE tenant_id = ? AND deal_id = ? AND id = ?",
                List.of(tenantId, dealId, photoId));
    }

    /** Puts the deal's photos in the given order (the caller checked it names each of them once). */
    public void reorder(String tenantId, String dealId, List<String> order) {
        for (int i = 0; i < order.size(); i++) {
            sql.update(
                    "UPDATE deal_photo SET position = ? WHERE tenant_id = ? AND deal_id = ? AND id = ?",
                    List.of(i, tenantId, dealId, order.get(i)));
        }
    }

    /** A photo someone may see, and whether anyone may ({@code open}: its deal is in the catalog). */
    public record Visible(DealPhoto photo, boolean open) {}

    /**
     * A photo as the caller may see it: anyone, of a deal the catalog shows (published, not cancelled, of an active
     * merchant, as {@code CatalogRepository.find}); for {@code ownTenant} (the caller's tenant, null for others) any
     * photo of that tenant; for the platform's operator ({@code anyDeal}, who reviews deals before they go live) any.
     */
    public Optional<Visible> visible(String photoId, String ownTenant, boolean anyDeal) {
        return sql.first(
                        "SELECT p.id, p.deal_id, p.width, p.height,"
                                + " t.status = 'ACTIVE' AND d.status IN ('SCHEDULED', 'ON_SALE', 'ENDED', 'FAILED') AS open FROM deal_photo p"
                                + " JOIN deal d ON d.tenant_id = p.tenant_id AND d.id = p.deal_id"
                                + " JOIN tenant t ON t.id = p.tenant_id WHERE p.id = ?",
                        List.of(photoId),
                        r -> new Visible(photo(r), r.flag("open")))
                .filter(v -> v.open() || anyDeal || ownTenantHas(ownTenant, photoId));
    }

    private boolean ownTenantHas(String tenantId, String photoId) {
        return tenantId != null
                && sql.any("SELECT 1 FROM deal_photo WHERE tenant_id = ? AND id = ?", List.of(tenantId, photoId));
    }

    private static DealPhoto photo(Row r) {
        return new DealPhoto(r.string("id"), r.string("deal_id"), r.intValue("width"), r.intValue("height"));
    }
}
