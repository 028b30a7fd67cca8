package io.groupdeal.domain.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.domain.catalog.NearestDeals.Met;
import io.groupdeal.domain.catalog.NearestDeals.NearStore;
import io.groupdeal.domain.catalog.NearestDeals.Ranked;
import io.groupdeal.domain.catalog.NearestDeals.Ranking;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The walk from the nearest store outwards gives exactly the ranking of every deal by its nearest eligible store
 * (equal distances by id), page by page, with an exact count up to {@link NearestDeals#COUNTED} and "more than" beyond.
 * The catalog here is in memory; {@code CatalogIT} runs the same rules against the database.
 */
class NearestDealsTest {

    /** An in-memory catalog: stores in the circle, and deals that name stores or count at all of their merchant's. */
    static final class Catalog implements NearestDeals.Deals {
        final List<NearStore> stores = new ArrayList<>();
        final Map<String, String> merchantOf = new TreeMap<>();
        final Map<String, Set<String>> named = new TreeMap<>();
        final List<Integer> batches = new ArrayList<>();

        NearStore store(String tenant, String id, double km) {
            NearStore store = new NearStore(tenant, id, km);
            stores.add(store);
            return store;
        }

        void deal(String id, String tenant, String... stores) {
            merchantOf.put(id, tenant);
            named.put(id, new HashSet<>(List.of(stores)));
        }

        /** The stores nearest first, as the database answers them (distance, merchant, id). */
        List<NearStore> walk() {
            List<NearStore> sorted = new ArrayList<>(stores);
            sorted.sort(Comparator.comparingDouble(NearStore::km)
                    .thenComparing(NearStore::tenantId)
                    .thenComparing(NearStore::storeId));
            return sorted;
        }

        /** As the SQL: deals without a store list of the new merchants, and store-list rows of the batch's merchants x stores. */
        @Override
        public List<Met> at(Set<String> newMerchants, List<NearStore> walked) {
            batches.add(walked.size());
            Set<String> tenants = new HashSet<>();
            Set<String> storeIds = new HashSet<>();
            walked.forEach(s -> {
                tenants.add(s.tenantId());
                storeIds.add(s.storeId());
            });
            List<Met> met = new ArrayList<>();
            merchantOf.forEach((deal, tenant) -> {
                if (named.get(deal).isEmpty()) {
                    if (newMerchants.contains(tenant)) {
                        met.add(new Met(deal, tenant, null));
                    }
                } else if (tenants.contains(tenant)) {
                    named.get(deal).stream()
                            .filter(storeIds::contains)
                            .forEach(store -> met.add(new Met(deal, tenant, store)));
                }
            });
            return met;
        }

        /** Every deal with its nearest eligible store in the circle, nearest first, equal distances by id. */
        List<Ranked> bruteForce() {
            List<Ranked> all = new ArrayList<>();
            merchantOf.forEach((deal, tenant) -> stores.stream()
                    .filter(s -> s.tenantId().equals(tenant)
                            && (named.get(deal).isEmpty() || named.get(deal).contains(s.storeId())))
                    .mapToDouble(NearStore::km)
                    .min()
                    .ifPresent(km -> all.add(new Ranked(deal, km))));
            all.sort(Comparator.comparingDouble(Ranked::km).thenComparing(Ranked::dealId));
            return all;
        }

        Ranking rank(int page, int size) {
            return NearestDeals.rank(walk(), this, page, size);
        }
    }

    @Test
    void equalDistancesOfDifferentMerchantsAreOrderedById() {
        Catalog catalog = new Catalog();
        catalog.store("T1", "S1", 1.5);
        catalog.store("T2", "S2", 1.5);
        catalog.store("T3", "S3", 0.5);
        catalog.deal("D4", "T1");
        catalog.deal("D1", "T2");
        catalog.deal("D3", "T1");
        catalog.deal("D2", "T2");
        catalog.deal("D9", "T3");

        Ranking ranking = catalog.rank(0, 20);

        assertEquals(
                List.of(
                        new Ranked("D9", 0.5),
                        new Ranked("D1", 1.5),
                        new Ranked("D2", 1.5),
                        new Ranked("D3", 1.5),
                        new Ranked("D4", 1.5)),
                ranking.page());
        assertEquals(5, ranking.total());
        assertTrue(ranking.exact());
    }

    @Test
    void storesAtEqualDistanceAreWalkedTogetherWhateverTheBatch() {
        Catalog catalog = new Catalog();
        for (int t = 0; t < 6; t++) {
            catalog.store("T" + t, "S" + t, 2.0);
            for (int d = 0; d < 30; d++) {
                catalog.deal(String.format("D%d%02d", 5 - t, d), "T" + t);
            }
        }
        Ranking ranking = catalog.rank(0, 10);

        assertEquals(
                catalog.bruteForce().subList(0, 10), ranking.page(), "D0.. of T5 first, though T5's store sorts last");
        assertEquals(List.of(6), catalog.batches, "one batch: all six stores are at the same distance");
    }

    @Test
    void aMerchantWithSeveralStoresCountsAtItsNearest() {
        Catalog catalog = new Catalog();
        catalog.store("T1", "far", 4.0);
        catalog.store("T1", "near", 1.0);
        catalog.store("T2", "middle", 2.0);
        catalog.deal("DA", "T1");
        catalog.deal("DB", "T2");

        assertEquals(
                List.of(new Ranked("DA", 1.0), new Ranked("DB", 2.0)),
                catalog.rank(0, 20).page());
    }

    @Test
    void aDealThatNamesStoresCountsAtTheNearestOfThoseOnly() {
        Catalog catalog = new Catalog();
        catalog.store("T1", "S1", 1.0);
        catalog.store("T1", "S2", 3.0);
        catalog.store("T1", "S3", 2.5);
        catalog.store("T2", "S4", 2.0);
        catalog.deal("DA", "T1", "S2", "S3");
        catalog.deal("DB", "T1", "S2");
        catalog.deal("DC", "T1");
        catalog.deal("DD", "T2");
        catalog.deal("DE", "T1", "elsewhere");

        assertEquals(
                List.of(new Ranked("DC", 1.0), new Ranked("DD", 2.0), new Ranked("DA", 2.5), new Ranked("DB", 3.0)),
                catalog.rank(0, 20).page(),
                "a deal naming only stores outside the circle is not near");
        assertEquals(4, catalog.rank(0, 20).total());
    }

    @Test
    void pagesFollowEachOtherAcrossMerchants() {
        Catalog catalog = new Catalog();
        for (int t = 0; t < 7; t++) {
            catalog.store("T" + t, "S" + t, 1 + t * 0.5);
            for (int d = 0; d < 3; d++) {
                catalog.deal(String.format("D%d%d", d, t), "T" + t);
            }
        }
        List<Ranked> all = catalog.bruteForce();
        List<Ranked> paged = new ArrayList<>();
        for (int page = 0; page < 6; page++) {
            Ranking ranking = catalog.rank(page, 4);
            paged.addAll(ranking.page());
            assertEquals(21, ranking.total());
        }
        assertEquals(all, paged);
        assertEquals(List.of(), catalog.rank(6, 4).page());
    }

    @Test
    void moreThanCountedAnswersMoreThanNAndStopsWalking() {
        Catalog catalog = new Catalog();
        for (int t = 0; t < 10; t++) {
            catalog.store("T" + t, "S" + t, t + 1.0);
            for (int d = 0; d < 60; d++) {
                catalog.deal(String.format("D%d%02d", t, d), "T" + t);
            }
        }
        Ranking first = catalog.rank(0, 20);
        assertFalse(first.exact());
        assertEquals(NearestDeals.COUNTED, first.total(), "more than 100");
        assertEquals(catalog.bruteForce().subList(0, 20), first.page());
        assertEquals(
                List.of(2),
                catalog.batches,
                "two merchants' 120 deals are enough: the eight farther ones are not read");

        Ranking deep = catalog.rank(7, 20);
        assertEquals(catalog.bruteForce().subList(140, 160), deep.page());
        assertFalse(deep.exact());
        assertEquals(160, deep.total(), "past the requested page: more than 160");

        Ranking last = catalog.rank(29, 20);
        assertTrue(last.exact(), "the walk reached the edge of the circle");
        assertEquals(600, last.total());
        assertEquals(catalog.bruteForce().subList(580, 600), last.page());
    }

    @Test
    void exactCountUpToCounted() {
        Catalog catalog = new Catalog();
        catalog.store("T1", "S1", 1.0);
        for (int d = 0; d < NearestDeals.COUNTED; d++) {
            catalog.deal(String.format("D%03d", d), "T1");
        }
        Ranking ranking = catalog.rank(0, 20);
        assertTrue(ranking.exact());
        assertEquals(NearestDeals.COUNTED, ranking.total());
    }

    @Test
    void anEmptyCircleHasNoDeals() {
        Ranking ranking = new Catalog().rank(0, 20);
        assertEquals(List.of(), ranking.page());
        assertEquals(0, ranking.total());
        assertTrue(ranking.exact());
    }

    @Test
    void randomCatalogsRankExactlyAsEveryDealByItsNearestStore() {
        Random random = new Random(20261130L);
        for (int round = 0; round < 300; round++) {
            Catalog catalog = new Catalog();
            int merchants = 1 + random.nextInt(12);
            for (int t = 0; t < merchants; t++) {
                int stores = 1 + random.nextInt(4);
                List<String> mine = new ArrayList<>();
                for (int s = 0; s < stores; s++) {
                    String id = "S" + t + "-" + s;
                    mine.add(id);
                    // few distinct distances, so that ties between stores and merchants are common
                    catalog.store("T" + t, id, random.nextInt(8) * 0.25);
                }
                int deals = random.nextInt(random.nextBoolean() ? 8 : 60);
                for (int d = 0; d < deals; d++) {
                    String id = String.format("D%08X", random.nextInt());
                    if (random.nextDouble() < 0.3) {
                        catalog.deal(
                                id,
                                "T" + t,
                                mine.get(random.nextInt(mine.size())),
                                random.nextBoolean() ? mine.get(0) : "gone");
                    } else {
                        catalog.deal(id, "T" + t);
                    }
                }
            }
            List<Ranked> all = catalog.bruteForce();
            int size = 1 + random.nextInt(30);
            for (int page = 0; (long) page * size <= all.size() + size; page++) {
                Ranking ranking = catalog.rank(page, size);
                int from = Math.min(all.size(), page * size);
                assertEquals(
                        all.subList(from, Math.min(all.size(), from + size)),
                        ranking.page(),
                        "round " + round + " page " + page);
                if (ranking.exact()) {
                    assertEquals(all.size(), ranking.total(), "round " + round);
                } else {
                    assertTrue(
                            all.size() > ranking.total()
                                    && ranking.total() >= Math.max(NearestDeals.COUNTED, (page + 1L) * size),
                            "round " + round + ": more than " + ranking.total() + " of " + all.size());
                }
                assertTrue(
                        ranking.exact() || all.size() > NearestDeals.COUNTED, "exact whenever at most COUNTED match");
            }
        }
    }
}
