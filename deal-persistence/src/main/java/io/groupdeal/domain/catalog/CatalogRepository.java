package io.groupdeal.domain.catalog;

import io.groupdeal.domain.catalog.CatalogDeal.CatalogStore;
import io.groupdeal.domain.catalog.NearestDeals.Met;
import io.groupdeal.domain.catalog.NearestDeals.NearStore;
import io.groupdeal.domain.photo.DealPhoto;
import io.groupdeal.domain.photo.PhotoRepository;
import io.groupdeal.domain.shared.AnyNode;
import io.groupdeal.domain.shared.NativeSql;
import io.groupdeal.domain.shared.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog crosses tenants by design, so it does not use the tenant-bound entities: these native statements read
 * only published deals ({@code SCHEDULED}, {@code ON_SALE}) of active tenants and only public columns.
 * "Near me" first narrows the stores to a bounding box on the indexed (latitude, longitude), then computes the exact
 * great-circle distance of those few, so it never scans every store; {@link NearestDeals} then ranks merchants and
 * deals from the nearest store outwards, reading only as many deals as the page and a capped count need. Nothing here
 * decides a write, so it reads on the read pool ({@link io.groupdeal.domain.shared.AnyNodeSql}), which a cluster
 * spreads over every database node.
 */
@ApplicationScoped
public class CatalogRepository {

    static final double EARTH_RADIUS_KM = 6371.0088;
    private static final double KM_PER_DEGREE = Math.PI * EARTH_RADIUS_KM / 180;

    private static final String COLUMNS = "d.id, d.tenant_id, d.title, d.description, d.fine_print, t.business_name,"
            + " d.price, d.original_value, d.currency, d.sold, d.min_buyers, d.max_quantity, d.sales_start, d.sales_end,"
            + " d.coupon_valid_until, d.status";

    private static final String DISTANCE =
            "2 * " + EARTH_RADIUS_KM + " * ASIN(LEAST(1, SQRT(POW(SIN(RADIANS(s.latitude - ?) / 2), 2)"
                    + " + COS(RADIANS(?)) * COS(RADIANS(s.latitude)) * POW(SIN(RADIANS(s.longitude - ?) / 2), 2))))";

    /** What buyers browse: any database node in sync may answer it. */
    @Inject
    @AnyNode
    private NativeSql sql;

    @Inject
    private PhotoRepository dealPhotos;

    /** A page of the catalog; when not {@code exact}, there are more than {@code total} deals (near a point only). */
    public record Page(List<CatalogDeal> items, long total, boolean exact) {}

    public Page search(CatalogSearch search) {
        return search.near() ? near(search) : everywhere(search);
    }

    /** A published deal of an active tenant, whatever its tenant; drafts and cancelled deals are not found. */
    public Optional<CatalogDeal> find(String id, boolean includeClosed) {
        String statuses = includeClosed ? "('SCHEDULED', 'ON_SALE', 'ENDED', 'FAILED')" : "('SCHEDULED', 'ON_SALE')";
        return sql.first(
                        "SELECT " + COLUMNS + " FROM deal d JOIN tenant t ON t.id = d.tenant_id"
                                + " WHERE d.id = ? AND t.status = 'ACTIVE' AND d.status IN " + statuses,
                        List.of(id),
                        r -> deal(r, null))
                .map(d -> complete(List.of(d)).get(0));
    }

    /**
     * A deal as its buyers' mails show it, whatever its status or its tenant's now: a buyer who paid hears about the
     * order even when the deal was cancelled or its merchant suspended since (the mail is written when it is sent).
     */
    public Optional<CatalogDeal> ofOrder(String dealId) {
        return sql.first(
                        "SELECT " + COLUMNS + " FROM deal d JOIN tenant t ON t.id = d.tenant_id" + " WHERE d.id = ?",
                        List.of(dealId),
                        r -> deal(r, null))
                .map(d -> complete(List.of(d)).get(0));
    }

    /** Where a store of the catalog is. */
    public record StorePlace(String address, double latitude, double longitude) {}

    /** Addresses and places of the stores of active merchants with published deals (at most 2,000). */
    public List<StorePlace> storePlaces() {
        return sql.rows(
                "SELECT s.address, s.latitude, s.longitude FROM store s JOIN tenant t ON t.id = s.tenant_id AND t.status = 'ACTIVE'"
                        + " WHERE s.archived_at IS NULL"
                        + " AND EXISTS (SELECT 1 FROM deal d WHERE d.tenant_id = s.tenant_id AND d.status IN ('SCHEDULED', 'ON_SALE'))"
                        + " LIMIT 2000",
                List.of(),
                r -> new StorePlace(r.string("address"), r.doubleValue("latitude"), r.doubleValue("longitude")));
    }

    /**
     * The stores in the circle, nearest first: the bounding box on the indexed (latitude, longitude) picks the few
     * candidates, the exact distance keeps those within the radius. Distances are computed here, by the database, and
     * only here, so that every deal's distance is exactly its nearest store's.
     */
    private Page near(CatalogSearch search) {
        double lat = search.latitude();
        double lng = search.longitude();
        double radius = search.radiusKm();
        double dLat = radius / KM_PER_DEGREE;
        double cos = Math.cos(Math.toRadians(lat));
        double dLng = cos < 1e-6 ? 360 : radius / (KM_PER_DEGREE * cos);
        StringBuilder box = new StringBuilder(" s.latitude BETWEEN ? AND ?");
        List<Object> parameters =
                new ArrayList<>(List.of(lat, lat, lng, Math.max(-90, lat - dLat), Math.min(90, lat + dLat)));
        if (lng - dLng >= -180 && lng + dLng <= 180) {
            box.append(" AND s.longitude BETWEEN ? AND ?");
            parameters.add(lng - dLng);
            parameters.add(lng + dLng);
        }
        parameters.add(radius);
        // Sorted here, not by the database: its sort would compute every distance again (a third of the statement's
        // time).
        List<NearStore> stores = sql
                .rows(
                        "SELECT s.tenant_id, s.id, " + DISTANCE + " AS km FROM store s"
                                + " JOIN tenant t ON t.id = s.tenant_id AND t.status = 'ACTIVE'"
                                + " WHERE" + box + " AND s.archived_at IS NULL HAVING km <= ?",
                        parameters,
                        r -> new NearStore(r.string("tenant_id"), r.string("id"), r.doubleValue("km")))
                .stream()
                .sorted(NearestDeals.NEAREST_STORE_FIRST)
                .toList();
        NearestDeals.Ranking ranking = NearestDeals.rank(
                stores, (merchants, walked) -> met(merchants, walked, search.text()), search.page(), search.size());
        return new Page(complete(rows(ranking.page())), ranking.total(), ranking.exact());
    }

    /**
     * The published deals met at a batch of the walk: those valid at every store of the merchants met first in it (no
     * store list: an anti-join on deal_store's key), and those naming one of its stores. Only ids are read (the index
     * on (tenant_id, status) covers the first part); the page's rows come after, for the page alone.
     */
    private List<Met> met(Set<String> merchants, List<NearStore> stores, String text) {
        String words = textCondition(text);
        String joinTenant = words.isEmpty() ? "" : " JOIN tenant t ON t.id = d.tenant_id";
        StringBuilder select = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        if (!merchants.isEmpty()) {
            select.append("SELECT d.id, d.tenant_id, NULL AS store_id FROM deal d")
                    .append(joinTenant)
                    .append(
                            " LEFT JOIN deal_store x ON x.tenant_id = d.tenant_id AND x.deal_id = d.id WHERE d.tenant_id IN (")
                    .append(placeholders(merchants.size()))
                    .append(") AND d.status IN ('SCHEDULED', 'ON_SALE') AND x.deal_id IS NULL")
                    .append(words)
                    .append(" UNION ALL ");
            parameters.addAll(merchants);
            addText(parameters, text);
        }
        Set<String> tenants = new LinkedHashSet<>();
        stores.forEach(s -> tenants.add(s.tenantId()));
        select.append(
                        "SELECT d.id, d.tenant_id, x.store_id FROM deal_store x JOIN deal d ON d.tenant_id = x.tenant_id AND d.id = x.deal_id")
                .append(joinTenant)
                .append(" WHERE x.tenant_id IN (")
                .append(placeholders(tenants.size()))
                .append(") AND x.store_id IN (")
                .append(placeholders(stores.size()))
                .append(") AND d.status IN ('SCHEDULED', 'ON_SALE')")
                .append(words);
        parameters.addAll(tenants);
        stores.forEach(s -> parameters.add(s.storeId()));
        addText(parameters, text);
        return sql.rows(
                select.toString(),
                parameters,
                r -> new Met(r.string("id"), r.string("tenant_id"), r.string("store_id")));
    }

    /** The rows of a ranked page, in its order, each with its distance. */
    private List<CatalogDeal> rows(List<NearestDeals.Ranked> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<String, Double> km = new HashMap<>();
        page.forEach(ranked -> km.put(ranked.dealId(), ranked.km()));
        Map<String, CatalogDeal> byId = new HashMap<>();
        sql.rows(
                        "SELECT " + COLUMNS + " FROM deal d JOIN tenant t ON t.id = d.tenant_id WHERE d.id IN ("
                                + placeholders(page.size()) + ")",
                        page.stream().map(NearestDeals.Ranked::dealId).toList(),
                        r -> deal(r, km.get(r.string("id"))))
                .forEach(d -> byId.put(d.id(), d));
        List<CatalogDeal> deals = new ArrayList<>(page.size());
        for (NearestDeals.Ranked ranked : page) {
            CatalogDeal deal = byId.get(ranked.dealId());
            if (deal != null) {
                deals.add(deal);
            }
        }
        return deals;
    }

    private static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    private Page everywhere(CatalogSearch search) {
        String from = " FROM deal d JOIN tenant t ON t.id = d.tenant_id AND t.status = 'ACTIVE'"
                + " WHERE d.status IN ('SCHEDULED', 'ON_SALE')" + textCondition(search.text());
        List<Object> parameters = new ArrayList<>();
        addText(parameters, search.text());
        return page(
                "SELECT " + COLUMNS + from + " ORDER BY d.sales_end, d.id",
                "SELECT COUNT(*) AS n" + from,
                parameters,
                search);
    }

    private Page page(String select, String count, List<Object> parameters, CatalogSearch search) {
        List<Object> paged = new ArrayList<>(parameters);
        paged.add(search.size());
        paged.add(search.page() * search.size());
        List<CatalogDeal> rows = sql.rows(select + " LIMIT ? OFFSET ?", paged, r -> deal(r, null));
        long total = sql.one(count, parameters, r -> r.longValue("n"));
        return new Page(complete(rows), total, true);
    }

    private static String textCondition(String text) {
        return text == null || text.isBlank()
                ? ""
                : " AND (d.title LIKE ? ESCAPE '!' OR d.description LIKE ? ESCAPE '!' OR t.business_name LIKE ? ESCAPE '!')";
    }

    private static void addText(List<Object> parameters, String text) {
        if (text != null && !text.isBlank()) {
            String pattern =
                    "%" + text.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            parameters.add(pattern);
            parameters.add(pattern);
            parameters.add(pattern);
        }
    }

    /**
     * The eligible stores and the rating of each deal of a page: the stores of the page's merchants, never an archived
     * one (read once per merchant, not once per deal and store: a page of one merchant's deals shares them), the store
     * lists of the deals that have one (such a deal counts at those stores only, any other at all of its merchant's),
     * the ratings, the options and the photos, in one query each for the whole page. The database orders the stores (name, id) in its
     * collation; each deal keeps its own in that order.
     */
    private List<CatalogDeal> complete(List<CatalogDeal> deals) {
        if (deals.isEmpty()) {
            return deals;
        }
        List<String> ids = deals.stream().map(CatalogDeal::id).toList();
        List<String> tenants =
                deals.stream().map(CatalogDeal::tenantId).distinct().toList();
        List<TenantStore> stores = sql.rows(
                "SELECT s.tenant_id, s.id, s.name, s.address, s.latitude, s.longitude FROM store s"
                        + " WHERE s.tenant_id IN (" + placeholders(tenants.size())
                        + ") AND s.archived_at IS NULL ORDER BY s.name, s.id",
                tenants,
                r -> new TenantStore(
                        r.string("tenant_id"),
                        new CatalogStore(
                                r.string("id"),
                                r.string("name"),
                                r.string("address"),
                                r.doubleValue("latitude"),
                                r.doubleValue("longitude"))));
        List<Object> keys = new ArrayList<>(tenants);
        keys.addAll(ids);
        Map<String, Set<String>> named = new HashMap<>();
        sql.rows(
                        "SELECT deal_id, store_id FROM deal_store WHERE tenant_id IN (" + placeholders(tenants.size())
                                + ") AND deal_id IN (" + placeholders(ids.size()) + ")",
                        keys,
                        r -> Map.entry(r.string("deal_id"), r.string("store_id")))
                .forEach(e ->
                        named.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        Map<String, List<CatalogStore>> byDeal = new HashMap<>();
        for (CatalogDeal deal : deals) {
            Set<String> list = named.get(deal.id());
            byDeal.put(
                    deal.id(),
                    stores.stream()
                            .filter(s -> deal.tenantId().equals(s.tenantId())
                                    && (list == null || list.contains(s.store().id())))
                            .map(TenantStore::store)
                            .toList());
        }
        Map<String, List<DealPhoto>> photos = dealPhotos.ofDeals(ids);
        Map<String, Rating> ratings = new HashMap<>();
        sql.rows(
                        "SELECT deal_id, reviews, rating_total FROM deal_rating WHERE reviews > 0 AND deal_id IN ("
                                + placeholders(ids.size()) + ")",
                        ids,
                        r -> new Rating(r.string("deal_id"), r.intValue("reviews"), r.intValue("rating_total")))
                .forEach(r -> ratings.put(r.dealId(), r));
        Map<String, List<OptionRow>> options = new HashMap<>();
        sql.rows(
                        "SELECT deal_id, id, title, price, original_value, max_quantity, sold FROM deal_option WHERE tenant_id IN ("
                                + placeholders(tenants.size()) + ") AND deal_id IN (" + placeholders(ids.size())
                                + ") ORDER BY deal_id, position",
                        keys,
                        r -> new OptionRow(
                                r.string("deal_id"),
                                r.string("id"),
                                r.string("title"),
                                r.decimal("price"),
                                r.decimal("original_value"),
                                r.nullableInt("max_quantity"),
                                r.intValue("sold")))
                .forEach(r -> options.computeIfAbsent(r.dealId(), k -> new ArrayList<>())
                        .add(r));
        return deals.stream()
                .map(d -> {
                    Rating rating = ratings.get(d.id());
                    int reviews = rating == null ? 0 : rating.reviews();
                    Double average = rating == null ? null : Math.round(rating.total() * 10.0 / reviews) / 10.0;
                    return d.completed(
                            byDeal.get(d.id()),
                            average,
                            reviews,
                            options.getOrDefault(d.id(), List.of()).stream()
                                    .map(o -> new CatalogDeal.CatalogOption(
                                            o.id(),
                                            o.title(),
                                            o.price(),
                                            o.originalValue(),
                                            o.maxQuantity(),
                                            o.sold(),
                                            d.remaining()))
                                    .toList(),
                            photos.getOrDefault(d.id(), List.of()));
                })
                .toList();
    }

    /** A store of the page's merchants, with its merchant. */
    private record TenantStore(String tenantId, CatalogStore store) {}

    /** A deal's reviews and the sum of their stars. */
    private record Rating(String dealId, int reviews, int total) {}

    /** An option of a deal of the page, before the deal's own figures complete it. */
    private record OptionRow(
            String dealId,
            String id,
            String title,
            BigDecimal price,
            BigDecimal originalValue,
            Integer maxQuantity,
            int sold) {}

    private static CatalogDeal deal(Row r, Double km) {
        return new CatalogDeal(
                r.string("id"),
                r.string("tenant_id"),
                r.string("title"),
                r.string("description"),
                r.string("fine_print"),
                r.string("business_name"),
                r.decimal("price"),
                r.decimal("original_value"),
                r.string("currency"),
                r.intValue("sold"),
                r.intValue("min_buyers"),
                r.nullableInt("max_quantity"),
                r.instant("sales_start"),
                r.instant("sales_end"),
                r.instant("coupon_valid_until"),
                r.string("status"),
                km,
                List.of(),
                null,
                0,
                List.of(),
                List.of());
    }
}
