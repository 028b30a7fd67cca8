package io.groupdeal.domain.catalog;

import io.groupdeal.domain.catalog.CatalogDeal.CatalogStore;
import jakarta.enterprise.context.ApplicationScoped;
import io.groupdeal.domain.shared.NativeSql;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog crosses tenants by design, so it does not use the tenant-bound entities: these native statements read
 * only published deals ({@code SCHEDULED}, {@code ON_SALE}) of active tenants and only public columns.
 * "Near me" first narrows the stores to a bounding box on the indexed (latitude, longitude), then computes the exact
 * great-circle distance of those few, so it never scans every store.
 */
@ApplicationScoped
public class CatalogRepository {

    static final double EARTH_RADIUS_KM = 6371.0088;
    private static final double KM_PER_DEGREE = Math.PI * EARTH_RADIUS_KM / 180;

    private static final String COLUMNS = "d.id, d.tenant_id, d.title, d.description, d.fine_print, t.business_name,"
            + " d.price, d.original_value, d.currency, d.sold, d.min_buyers, d.max_quantity, d.sales_start, d.sales_end,"
            + " d.coupon_valid_until, d.status";

    /**
     * Stores where a deal's coupons count: its own list, or every store of its tenant when the list is empty; never an
     * archived store.
     */
    private static final String ELIGIBLE = "s.archived_at IS NULL"
            + " AND (NOT EXISTS (SELECT 1 FROM deal_store x WHERE x.tenant_id = d.tenant_id AND x.deal_id = d.id)"
            + " OR EXISTS (SELECT 1 FROM deal_store x WHERE x.tenant_id = d.tenant_id AND x.deal_id = d.id AND x.store_id = s.id))";

    private static final String DISTANCE = "2 * " + EARTH_RADIUS_KM + " * ASIN(LEAST(1, SQRT(POW(SIN(RADIANS(s.latitude - ?) / 2), 2)"
            + " + COS(RADIANS(?)) * COS(RADIANS(s.latitude)) * POW(SIN(RADIANS(s.longitude - ?) / 2), 2))))";

    @Inject
    private NativeSql sql;

    public record Page(List<CatalogDeal> items, long total) {
    }

    public Page search(CatalogSearch search) {
        return search.near() ? near(search) : everywhere(search);
    }

    /** A published deal of an active tenant, whatever its tenant; drafts and cancelled deals are not found. */
    public Optional<CatalogDeal> find(String id, boolean includeClosed) {
        String statuses = includeClosed ? "('SCHEDULED', 'ON_SALE', 'ENDED', 'FAILED')" : "('SCHEDULED', 'ON_SALE')";
        List<Object[]> rows = sql.rows("SELECT " + COLUMNS + ", NULL FROM deal d JOIN tenant t ON t.id = d.tenant_id"
                + " WHERE d.id = ? AND t.status = 'ACTIVE' AND d.status IN " + statuses, List.of(id));
        return rows.stream().findFirst().map(r -> complete(List.of(deal(r))).get(0));
    }

    /**
     * A deal as its buyers' mails show it, whatever its status or its tenant's now: a buyer who paid hears about the
     * order even when the deal was cancelled or its merchant suspended since (the mail is written when it is sent).
     */
    public Optional<CatalogDeal> ofOrder(String dealId) {
        List<Object[]> rows = sql.rows("SELECT " + COLUMNS + ", NULL FROM deal d JOIN tenant t ON t.id = d.tenant_id"
                + " WHERE d.id = ?", List.of(dealId));
        return rows.stream().findFirst().map(r -> complete(List.of(deal(r))).get(0));
    }

    /** Addresses and places of the stores of active merchants with published deals (at most 2,000). */
    public List<Object[]> storePlaces() {
        return sql.rows("SELECT s.address, s.latitude, s.longitude FROM store s JOIN tenant t ON t.id = s.tenant_id AND t.status = 'ACTIVE'"
                + " WHERE s.archived_at IS NULL"
                + " AND EXISTS (SELECT 1 FROM deal d WHERE d.tenant_id = s.tenant_id AND d.status IN ('SCHEDULED', 'ON_SALE'))"
                + " LIMIT 2000", List.of());
    }

    private Page near(CatalogSearch search) {
        double lat = search.latitude();
        double lng = search.longitude();
        double radius = search.radiusKm();
        double dLat = radius / KM_PER_DEGREE;
        double cos = Math.cos(Math.toRadians(lat));
        double dLng = cos < 1e-6 ? 360 : radius / (KM_PER_DEGREE * cos);
        StringBuilder box = new StringBuilder(" s.latitude BETWEEN ? AND ?");
        List<Object> boxParameters = new ArrayList<>(List.of(Math.max(-90, lat - dLat), Math.min(90, lat + dLat)));
        if (lng - dLng >= -180 && lng + dLng <= 180) {
            box.append(" AND s.longitude BETWEEN ? AND ?");
            boxParameters.add(lng - dLng);
            boxParameters.add(lng + dLng);
        }
        String text = textCondition(search.text());
        String from = " FROM deal d JOIN tenant t ON t.id = d.tenant_id AND t.status = 'ACTIVE'"
                + " JOIN store s ON s.tenant_id = d.tenant_id AND" + box + " AND " + ELIGIBLE
                + " WHERE d.status IN ('SCHEDULED', 'ON_SALE')" + text;
        String grouped = "SELECT " + COLUMNS + ", MIN(" + DISTANCE + ") AS distance_km" + from
                + " GROUP BY d.tenant_id, d.id HAVING distance_km <= ?";

        List<Object> parameters = new ArrayList<>(List.of(lat, lat, lng));
        parameters.addAll(boxParameters);
        addText(parameters, search.text());
        parameters.add(radius);

        return page(grouped + " ORDER BY distance_km, d.id", "SELECT COUNT(*) FROM (" + grouped + ") matches", parameters, search);
    }

    private Page everywhere(CatalogSearch search) {
        String from = " FROM deal d JOIN tenant t ON t.id = d.tenant_id AND t.status = 'ACTIVE'"
                + " WHERE d.status IN ('SCHEDULED', 'ON_SALE')" + textCondition(search.text());
        List<Object> parameters = new ArrayList<>();
        addText(parameters, search.text());
        return page("SELECT " + COLUMNS + ", NULL" + from + " ORDER BY d.sales_end, d.id", "SELECT COUNT(*)" + from, parameters, search);
    }

    private Page page(String select, String count, List<Object> parameters, CatalogSearch search) {
        List<Object> paged = new ArrayList<>(parameters);
        paged.add(search.size());
        paged.add(search.page() * search.size());
        List<Object[]> rows = sql.rows(select + " LIMIT ? OFFSET ?", paged);
        long total = ((Number) sql.row(count, parameters)[0]).longValue();
        return new Page(complete(rows.stream().map(CatalogRepository::deal).toList()), total);
    }

    private static String textCondition(String text) {
        return text == null || text.isBlank() ? ""
                : " AND (d.title LIKE ? ESCAPE '!' OR d.description LIKE ? ESCAPE '!' OR t.business_name LIKE ? ESCAPE '!')";
    }

    private static void addText(List<Object> parameters, String text) {
        if (text != null && !text.isBlank()) {
            String pattern = "%" + text.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            parameters.add(pattern);
            parameters.add(pattern);
            parameters.add(pattern);
        }
    }

    /** The eligible stores and the rating of each deal, in one query each for the whole page. */
    private List<CatalogDeal> complete(List<CatalogDeal> deals) {
        if (deals.isEmpty()) {
            return deals;
        }
        Map<String, List<CatalogStore>> byDeal = new LinkedHashMap<>();
        deals.forEach(d -> byDeal.put(d.id(), new ArrayList<>()));
        String placeholders = String.join(",", java.util.Collections.nCopies(deals.size(), "?"));
        List<Object[]> rows = sql.rows("SELECT d.id, s.id, s.name, s.address, s.latitude, s.longitude"
                + " FROM deal d JOIN store s ON s.tenant_id = d.tenant_id AND " + ELIGIBLE
                + " WHERE d.id IN (" + placeholders + ") ORDER BY s.name, s.id", deals.stream().map(CatalogDeal::id).toList());
        for (Object[] r : rows) {
            byDeal.get((String) r[0]).add(new CatalogStore((String) r[1], (String) r[2], (String) r[3],
                    ((Number) r[4]).doubleValue(), ((Number) r[5]).doubleValue()));
        }
        Map<String, Object[]> ratings = new java.util.HashMap<>();
        sql.rows("SELECT deal_id, reviews, rating_total FROM deal_rating WHERE reviews > 0 AND deal_id IN (" + placeholders + ")",
                deals.stream().map(CatalogDeal::id).toList()).forEach(r -> ratings.put((String) r[0], r));
        return deals.stream().map(d -> {
            Object[] rating = ratings.get(d.id());
            int reviews = rating == null ? 0 : ((Number) rating[1]).intValue();
            Double average = rating == null ? null : Math.round(((Number) rating[2]).intValue() * 10.0 / reviews) / 10.0;
            return d.with(List.copyOf(byDeal.get(d.id())), average, reviews);
        }).toList();
    }

    private static CatalogDeal deal(Object[] r) {
        return new CatalogDeal((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                decimal(r[6]), decimal(r[7]), (String) r[8], ((Number) r[9]).intValue(), ((Number) r[10]).intValue(),
                r[11] == null ? null : ((Number) r[11]).intValue(), instant(r[12]), instant(r[13]), instant(r[14]),
                (String) r[15], r[16] == null ? null : ((Number) r[16]).doubleValue(), List.of(), null, 0);
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected time value " + value.getClass());
    }

}
