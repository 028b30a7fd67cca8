package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * "Deals near me" ranks merchants from the nearest store outwards (NearestDeals): a deal is as near as its nearest
 * store within the radius where its coupons count, equal distances come by id, pages follow each other across
 * merchants, and past 100 matches the count says "more than" (totalExact false) on the API and on the storefront.
 * Each test works at a random spot of the southern ocean with a word of its own, as CatalogIT does.
 */
// Alongside other test classes (see deal-web's POM); its own tests one after another.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("NearbyRankingIT")
class NearbyRankingIT extends DeployedApp {

    private SearchSpot spot;
    private String word;

    @BeforeEach
    void setUp() {
        spot = SearchSpot.random();
        word = "n" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void equalDistancesComeByIdAndEachDealCountsAtItsNearestEligibleStore() {
        Fixtures.Merchant chain = fixtures.merchant("Chain " + word);
        Fixtures.Merchant corner = fixtures.merchant("Corner " + word);
        Fixtures.Merchant middle = fixtures.merchant("Middle " + word);
        String chainNear = spot.store(http, chain, "chain near", 1);
        String chainFar = spot.store(http, chain, "chain far", 3);
        spot.store(http, corner, "corner, same spot as the chain's near store", 1);
        spot.store(http, middle, "middle", 2);
        List<String> atOneKm = new ArrayList<>(List.of(
                deal(chain, "c1", List.of()),
                deal(chain, "c2", List.of()),
                deal(corner, "k1", List.of()),
                deal(corner, "k2", List.of()),
                deal(chain, "c3", List.of(chainNear, chainFar))));
        String atTwoKm = deal(middle, "m1", List.of());
        String namesTheFarStore = deal(chain, "c4", List.of(chainFar));

        List<JsonObject> items = near(10, 0, 100).getJsonArray("items").getValuesAs(JsonObject.class);

        atOneKm.sort(null);
        List<String> expected = Stream.concat(atOneKm.stream(), Stream.of(atTwoKm, namesTheFarStore))
                .toList();
        assertEquals(
                expected,
                items.stream().map(d -> d.getString("id")).toList(),
                "two merchants' stores at one spot: their deals by id; a deal naming the far store counts there");
        double oneKm = items.get(0).getJsonNumber("distanceKm").doubleValue();
        for (int i = 0; i < atOneKm.size(); i++) {
            assertEquals(oneKm, items.get(i).getJsonNumber("distanceKm").doubleValue(), "equal distances at one spot");
        }
        assertEquals(1.0, oneKm, 0.001);
        assertEquals(2.0, items.get(5).getJsonNumber("distanceKm").doubleValue(), 0.001);
        assertEquals(3.0, items.get(6).getJsonNumber("distanceKm").doubleValue(), 0.001);
        assertEquals(
                List.of(chainFar),
                items.get(6).getJsonArray("stores").getValuesAs(JsonObject.class).stream()
                        .map(s -> s.getString("id"))
                        .toList(),
                "a deal lists the stores it names");
    }

    @Test
    void theRadiusKeepsAStoreJustInsideAndLeavesOneJustOutside() {
        Fixtures.Merchant merchant = fixtures.merchant("Edge " + word);
        String inside = spot.store(http, merchant, "4.999 km", 4.999);
        String outside = spot.store(http, merchant, "5.001 km", 5.001);
        String atInside = deal(merchant, "inside", List.of(inside));
        deal(merchant, "outside", List.of(outside));

        JsonObject page = near(5, 0, 100);
        assertEquals(
                List.of(atInside),
                page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .map(d -> d.getString("id"))
                        .toList());
        assertEquals(1, page.getInt("total"));
        assertTrue(page.getBoolean("totalExact"));
        assertEquals(2, near(5.002, 0, 100).getInt("total"), "a radius just past the far store takes it in");
    }

    @Test
    void pagesFollowEachOtherAcrossMerchants() {
        for (int m = 0; m < 3; m++) {
            Fixtures.Merchant merchant = fixtures.merchant("Pages " + m + " " + word);
            spot.store(http, merchant, "store " + m, 1 + m);
            for (int d = 0; d < 3; d++) {
                deal(merchant, "m" + m + "d" + d, List.of());
            }
        }
        List<String> all = ids(near(10, 0, 100));
        assertEquals(9, all.size());
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 5; page++) {
            JsonObject answer = near(10, page, 2);
            assertEquals(9, answer.getInt("total"));
            assertTrue(answer.getBoolean("totalExact"));
            paged.addAll(ids(answer));
        }
        assertEquals(all, paged);
    }

    @Test
    void pastAHundredMatchesTheCountSaysMoreThan() {
        Fixtures.Merchant nearest = fixtures.merchant("Many " + word);
        Fixtures.Merchant next = fixtures.merchant("More " + word);
        Fixtures.Merchant farther = fixtures.merchant("Few " + word);
        spot.store(http, nearest, "nearest", 0.5);
        spot.store(http, next, "next", 1);
        spot.store(http, farther, "farther", 2);
        for (int d = 0; d < 60; d++) {
            deal(nearest, "many" + d, List.of());
            deal(next, "more" + d, List.of());
        }
        for (int d = 0; d < 3; d++) {
            deal(farther, "few" + d, List.of());
        }
        int deals = 123;

        JsonObject first = near(5, 0, 20);
        assertEquals(100, first.getInt("total"));
        assertFalse(
                first.getBoolean("totalExact"),
                "more than 100: the two nearest merchants' 120 deals are enough to say so");
        assertEquals(20, first.getJsonArray("items").size());

        JsonObject pastTheCount = near(5, 5, 20);
        assertEquals(20, pastTheCount.getJsonArray("items").size());
        assertTrue(
                pastTheCount.getBoolean("totalExact"),
                "a page past 100 counts on to its end, here to the edge of the circle");
        assertEquals(deals, pastTheCount.getInt("total"));
        JsonObject last = near(5, 6, 20);
        assertEquals(3, last.getJsonArray("items").size());
        assertTrue(
                last.getJsonArray("items").getJsonObject(0).getString("title").startsWith("few"));

        JsonObject everywhere =
                http.get("api/v1/catalog/deals?q=" + word + "&size=5", null).json();
        assertEquals(deals, everywhere.getInt("total"), "without a place the count is exact");
        assertTrue(everywhere.getBoolean("totalExact"));

        Reply storefront = http.get("index.xhtml?" + spot.query() + "&radiusKm=5&q=" + word, null);
        assertEquals(200, storefront.status());
        assertTrue(storefront.body().contains("More than 100 deals near you"), storefront::body);
        assertTrue(storefront.body().contains("More deals"), "a next page");
    }

    private JsonObject near(double radiusKm, int page, int size) {
        Reply reply = http.get(
                "api/v1/catalog/deals?" + spot.query() + "&radiusKm=" + radiusKm + "&q=" + word + "&page=" + page
                        + "&size=" + size,
                null);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("id"))
                .toList();
    }

    private String deal(Fixtures.Merchant owner, String title, List<String> stores) {
        return fixtures.publishedDeal(owner, title + " " + word, stores);
    }
}
