package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The public catalog: the radius, nearest first, distances true to the haversine formula, text search, suspended
 * merchants hidden, drafts and cancelled deals absent, bad parameters refused. Each test works in a place of its own
 * (a random spot of the southern ocean) and with words of its own, so other tests' deals never get in the way.
 */
// Alongside other test classes (see deal-web's POM); its own tests one after another.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("CatalogIT")
class CatalogIT extends DeployedApp {

    private SearchSpot spot;
    private String word;
    private Fixtures.Merchant merchant;

    @BeforeEach
    void setUp() {
        spot = SearchSpot.random();
        word = "w" + UUID.randomUUID().toString().substring(0, 8);
        merchant = fixtures.merchant("Catalog Cafe " + word);
    }

    @Test
    void nearbyDealsAreWithinTheRadiusNearestFirstWithTheirDistance() {
        String near = spot.store(http, merchant, "1 km north", 1);
        String middle = spot.store(http, merchant, "5 km north", 5);
        String far = spot.store(http, merchant, "20 km north", 20);
        String atMiddle = fixtures.publishedDeal(merchant, "Middle " + word, List.of(middle));
        String atFar = fixtures.publishedDeal(merchant, "Far " + word, List.of(far));
        String atNear = fixtures.publishedDeal(merchant, "Near " + word, List.of(near));
        String everywhere = fixtures.publishedDeal(merchant, "Everywhere " + word, List.of());
        fixtures.newDeal(
                merchant.token(),
                Fixtures.deal("Draft " + word, Instant.now(), Instant.now().plus(Duration.ofDays(1)), List.of(near)));

        JsonObject page = http.get("api/v1/catalog/deals?" + spot.query() + "&radiusKm=10&size=100", null)
                .json();
        List<JsonObject> items = page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("title").contains(word))
                .toList();
        List<String> ids = items.stream().map(d -> d.getString("id")).toList();
        assertEquals(3, items.size(), () -> "within 10 km: " + ids);
        assertTrue(
                ids.indexOf(atMiddle) > ids.indexOf(atNear) && ids.indexOf(atMiddle) > ids.indexOf(everywhere),
                ids::toString);
        assertTrue(!ids.contains(atFar), "20 km is outside a 10 km radius");
        for (JsonObject deal : items) {
            double expected = deal.getString("id").equals(atMiddle) ? spot.haversine(5) : spot.haversine(1);
            double actual = deal.getJsonNumber("distanceKm").doubleValue();
            assertTrue(
                    Math.abs(actual - expected) <= expected * 0.01,
                    () -> "distance " + actual + " vs haversine " + expected);
            assertEquals("Catalog Cafe " + word, deal.getString("merchantName"));
            assertEquals("19.90", deal.getString("price"));
            assertEquals(41, deal.getInt("discountPercent"));
        }
        JsonObject wide = http.get(
                        "api/v1/catalog/deals?" + spot.query() + "&radiusKm=25&q=" + word + "&size=100", null)
                .json();
        assertEquals(4, wide.getInt("total"));
        assertEquals(atFar, wide.getJsonArray("items").getJsonObject(3).getString("id"), "the farthest comes last");

        JsonObject paged = http.get(
                        "api/v1/catalog/deals?" + spot.query() + "&radiusKm=25&q=" + word + "&size=2&page=1", null)
                .json();
        assertEquals(4, paged.getInt("total"));
        assertEquals(2, paged.getJsonArray("items").size());
    }

    @Test
    void textSearchFindsTitleDescriptionAndMerchantName() {
        String store = spot.store(http, merchant, "here", 0.5);
        String byTitle = fixtures.publishedDeal(merchant, "Dumplings " + word, List.of(store));
        JsonObject byWords = http.get("api/v1/catalog/deals?q=" + word.toUpperCase() + "&size=100", null)
                .json();
        assertEquals(1, byWords.getInt("total"));
        assertEquals(byTitle, byWords.getJsonArray("items").getJsonObject(0).getString("id"));
        assertTrue(
                !byWords.getJsonArray("items").getJsonObject(0).containsKey("distanceKm"),
                "no distance without a place");
        assertEquals(
                1,
                http.get("api/v1/catalog/deals?q=Catalog%20Cafe%20" + word, null)
                        .json()
                        .getInt("total"),
                "by merchant name");
        assertEquals(
                1,
                http.get("api/v1/catalog/deals?q=test%20deal:%20Dumplings%20" + word, null)
                        .json()
                        .getInt("total"),
                "by description");
        assertEquals(
                0,
                http.get("api/v1/catalog/deals?q=" + word + "%25", null).json().getInt("total"),
                "% is a character, not a wildcard");

        JsonObject detail = http.get("api/v1/catalog/deals/" + byTitle, null).json();
        assertEquals("Valid for one person.", detail.getString("finePrint"));
        assertEquals(1, detail.getJsonArray("stores").size());
    }

    @Test
    void suspendedMerchantsLeaveTheCatalog() {
        String store = spot.store(http, merchant, "here", 0.5);
        String id = fixtures.publishedDeal(merchant, "Suspense " + word, List.of(store));
        String operator = fixtures.token(Fixtures.DEMO_OPERATOR, Fixtures.DEMO_PASSWORD);
        assertEquals(1, http.get("api/v1/catalog/deals?q=" + word, null).json().getInt("total"));

        http.post("api/v1/platform/tenants/" + merchant.tenantId() + "/suspend", null, operator);
        assertEquals(0, http.get("api/v1/catalog/deals?q=" + word, null).json().getInt("total"));
        assertEquals(
                0,
                http.get("api/v1/catalog/deals?" + spot.query() + "&q=" + word, null)
                        .json()
                        .getInt("total"));
        assertEquals(404, http.get("api/v1/catalog/deals/" + id, null).status());

        http.post("api/v1/platform/tenants/" + merchant.tenantId() + "/activate", null, operator);
        assertEquals(1, http.get("api/v1/catalog/deals?q=" + word, null).json().getInt("total"));
    }

    @Test
    void badParametersAreRefused() {
        for (String query : List.of(
                "lat=abc&lng=1",
                "lat=91&lng=0",
                "lat=0&lng=181",
                "lat=10",
                "lng=10",
                "lat=1&lng=1&radiusKm=0",
                "lat=1&lng=1&radiusKm=5000",
                "radiusKm=5",
                "lat=NaN&lng=1",
                "size=101",
                "page=-1",
                "q=" + "x".repeat(101))) {
            Reply reply = http.get("api/v1/catalog/deals?" + query, null);
            assertEquals(400, reply.status(), () -> query + " → " + reply);
            assertEquals("validation", reply.problem());
        }
        assertEquals(404, http.get("api/v1/catalog/deals/not-an-id", null).status());
        assertEquals(
                404,
                http.get("api/v1/catalog/deals/01AAAAAAAAAAAAAAAAAAAAAAAA", null)
                        .status());
    }
}
