package io.groupdeal.domain.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks the deals near a point by walking the stores in the circle from the nearest outwards, so that a page costs
 * what the page needs and not every deal of the circle.
 *
 * <p>The rule it keeps is the catalog's: a deal's distance is that of its nearest eligible store in the circle (the
 * stores it names, or every store of its merchant when it names none), and deals come nearest first, equal distances
 * by id. Walking the stores in order of distance, a deal is first met at its nearest eligible store: a merchant's
 * deals valid everywhere all at the merchant's nearest store (one step per merchant, not one per deal and store), a
 * deal that names stores at the nearest of those. Once every store up to some distance is walked (stores at equal
 * distances together), every deal not yet met is farther than every deal met, so the deals met, ordered, are the
 * exact beginning of the whole ranking.
 *
 * <p>The walk stops as soon as more deals are met than the page needs and than {@link #COUNTED}: the count is then
 * "more than N" instead of exact; exact whenever the circle holds at most that many deals (or the walk reached its
 * edge anyway). The stores are taken in batches that double, so a walk of n stores asks at most log2(n) + 1 times.
 */
public final class NearestDeals {

    /** Up to this many matches (or the end of the requested page, when farther) the count is exact. */
    public static final int COUNTED = 100;

    /** Stores in the first batch; each next batch is twice as large. */
    static final int FIRST_BATCH = 2;

    /** A store in the circle: its merchant, its id and its distance from the point, as the database computed it. */
    public record NearStore(String tenantId, String storeId, double km) {}

    /**
     * A deal met at a batch of stores: {@code storeId} null for a deal valid at every store of its merchant (met at the
     * merchant's first store in the batch), else the named store of the batch it was found through.
     */
    public record Met(String dealId, String tenantId, String storeId) {}

    /** The deals of a batch: every deal valid everywhere of {@code newMerchants}, and every deal naming one of {@code stores}. */
    @FunctionalInterface
    public interface Deals {
        List<Met> at(Set<String> newMerchants, List<NearStore> stores);
    }

    /** A deal of the ranking and its distance. */
    public record Ranked(String dealId, double km) {}

    /** One page of the ranking; {@code total} is exact when {@code exact}, otherwise there are more than {@code total}. */
    public record Ranking(List<Ranked> page, long total, boolean exact) {}

    /** The order the walk takes the stores in: nearest first, then any fixed order (merchant, id). */
    public static final Comparator<NearStore> NEAREST_STORE_FIRST = Comparator.comparingDouble(NearStore::km)
            .thenComparing(NearStore::tenantId)
            .thenComparing(NearStore::storeId);

    /**
     * The catalog's order: nearest first, equal distances by id (ids are Crockford base32 capitals, which Java and the
     * database's collation order alike).
     */
    private static final Comparator<Ranked> NEAREST_FIRST =
            Comparator.comparingDouble(Ranked::km).thenComparing(Ranked::dealId);

    private NearestDeals() {}

    /**
     * The page {@code page} of {@code size} deals.
     *
     * @param stores the stores in the circle, nearest first (equal distances in any fixed order)
     * @param deals  the deals of each batch of stores, as the catalog's filters allow them (published, words)
     */
    public static Ranking rank(List<NearStore> stores, Deals deals, int page, int size) {
        long offset = (long) page * size;
        long wanted = Math.max(COUNTED, offset + size);
        Map<String, Double> met = new HashMap<>();
        Set<String> merchants = new HashSet<>();
        int next = 0;
        int batch = FIRST_BATCH;
        while (next < stores.size() && met.size() <= wanted) {
            int end = Math.min(stores.size(), next + batch);
            while (end < stores.size()
                    && stores.get(end).km() == stores.get(end - 1).km()) {
                end++;
            }
            List<NearStore> walked = stores.subList(next, end);
            Map<String, Double> newMerchants = new LinkedHashMap<>();
            Map<String, Double> storeKm = new HashMap<>();
            for (NearStore store : walked) {
                if (merchants.add(store.tenantId())) {
                    newMerchants.put(store.tenantId(), store.km());
                }
                storeKm.put(key(store.tenantId(), store.storeId()), store.km());
            }
            for (Met deal : deals.at(newMerchants.keySet(), walked)) {
                Double km = deal.storeId() == null
                        ? newMerchants.get(deal.tenantId())
                        : storeKm.get(key(deal.tenantId(), deal.storeId()));
                if (km != null) {
                    met.merge(deal.dealId(), km, Math::min);
                }
            }
            next = end;
            batch = (int) Math.min(Integer.MAX_VALUE / 2, 2L * batch);
        }
        List<Ranked> ranked = new ArrayList<>(met.size());
        met.forEach((id, km) -> ranked.add(new Ranked(id, km)));
        ranked.sort(NEAREST_FIRST);
        List<Ranked> onPage = offset >= ranked.size()
                ? List.of()
                : List.copyOf(ranked.subList((int) offset, (int) Math.min(ranked.size(), offset + size)));
        boolean exact = next >= stores.size();
        return new Ranking(onPage, exact ? ranked.size() : wanted, exact);
    }

    private static String key(String tenantId, String storeId) {
        return tenantId + '/' + storeId;
    }
}
