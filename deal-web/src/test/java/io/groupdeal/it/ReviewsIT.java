package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Reviews over REST: only a used coupon of one's own, once (also when sent ten times at once), the deal's rating in
 * the catalog, the merchant's one reply, and no tenant or buyer ever reaching another's reviews.
 */
// Alongside other test classes (see deal-web's POM); its own tests one after another.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("ReviewsIT")
class ReviewsIT extends DeployedApp {

    private Counter.Shop shop;
    private Fixtures.Person buyer;
    private List<String> codes;

    @BeforeEach
    void setUp() {
        shop = counter.shop("Review Rotisserie");
        buyer = fixtures.buyer();
        codes = counter.coupons(buyer, shop.dealId(), 3);
    }

    @Test
    void aBuyerReviewsAUsedCouponOnceAndTheDealShowsTheRating() {
        Reply early = review(buyer.token(), codes.get(0), 4, "Not used yet");
        assertEquals(409, early.status(), early::toString);
        assertEquals("not-redeemed", early.problem());

        redeem(codes.get(0));
        redeem(codes.get(1));
        Reply bad = review(buyer.token(), codes.get(0), 6, "Too many stars");
        assertEquals(400, bad.status(), bad::toString);
        Reply written = review(buyer.token(), codes.get(0), 4, "Crispy skin, generous portion.");
        assertEquals(201, written.status(), written::toString);
        assertEquals("Test B.", written.json().getString("buyerName"), "buyers are named by first name and initial");
        Reply again = review(buyer.token(), codes.get(0), 5, "Again");
        assertEquals(409, again.status(), again::toString);
        assertEquals("review-exists", again.problem());
        assertEquals(201, review(buyer.token(), codes.get(1), 5, "").status(), "each used coupon has its own review");

        Reply other = review(fixtures.buyer().token(), codes.get(2), 1, "Not mine");
        assertEquals(404, other.status(), other::toString);

        JsonObject deal =
                http.get("api/v1/catalog/deals/" + shop.dealId(), null).json();
        assertEquals(4.5, deal.getJsonNumber("rating").doubleValue());
        assertEquals(2, deal.getInt("reviewCount"));
        List<JsonObject> shown = http.get("api/v1/catalog/deals/" + shop.dealId() + "/reviews", null)
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertEquals(2, shown.size());
        assertEquals("Crispy skin, generous portion.", shown.get(1).getString("comment"));
        assertFalse(shown.get(0).containsKey("id") || shown.get(0).containsKey("buyerId"), "no ids in public reviews");
    }

    @Test
    void theMerchantReadsFiltersAndRepliesOnce() {
        redeem(codes.get(0));
        redeem(codes.get(1));
        review(buyer.token(), codes.get(0), 2, "Cold chips.");
        review(buyer.token(), codes.get(1), 5, "Lovely.");

        JsonObject all = http.get(
                        "api/v1/reviews?dealId=" + shop.dealId(),
                        shop.merchant().token())
                .json();
        assertEquals(2, all.getInt("total"));
        JsonObject low =
                http.get("api/v1/reviews?rating=2", shop.merchant().token()).json();
        assertEquals(1, low.getInt("total"));
        String id = low.getJsonArray("items").getJsonObject(0).getString("id");
        assertEquals(
                400,
                http.get("api/v1/reviews?rating=9", shop.merchant().token()).status());
        for (String rating : List.of("abc", "0", "2.5")) {
            Reply refused =
                    http.get("api/v1/reviews?rating=" + rating, shop.merchant().token());
            assertEquals(400, refused.status(), refused::toString);
            assertEquals("validation", refused.problem());
            JsonObject error = refused.json().getJsonArray("errors").getJsonObject(0);
            assertEquals("rating", error.getString("field"));
            assertTrue(
                    error.getString("message").contains("1")
                            && error.getString("message").contains("5"),
                    error::toString);
        }

        Reply reply = http.post(
                "api/v1/reviews/" + id + "/reply",
                Json.createObjectBuilder()
                        .add("text", "Sorry! Next fries are on us.")
                        .build()
                        .toString(),
                shop.merchant().token());
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("Sorry! Next fries are on us.", reply.json().getString("reply"));
        Reply twice = http.post(
                "api/v1/reviews/" + id + "/reply",
                "{\"text\":\"Again\"}",
                shop.merchant().token());
        assertEquals(409, twice.status(), twice::toString);
        assertEquals("reply-exists", twice.problem());
        assertEquals(
                "Sorry! Next fries are on us.",
                http
                        .get("api/v1/catalog/deals/" + shop.dealId() + "/reviews", null)
                        .json()
                        .getJsonArray("items")
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .filter(r -> r.getInt("rating") == 2)
                        .findFirst()
                        .orElseThrow()
                        .getString("reply"));
    }

    @Test
    void nobodyReachesAnotherTenantsOrBuyersReviews() {
        redeem(codes.get(0));
        String id = review(buyer.token(), codes.get(0), 3, "Fine.").json().getString("id");
        Counter.Shop rival = counter.shop("Rival Rotisserie");

        assertEquals(
                0, http.get("api/v1/reviews", rival.merchant().token()).json().getInt("total"));
        assertEquals(
                0,
                http.get(
                                "api/v1/reviews?dealId=" + shop.dealId(),
                                rival.merchant().token())
                        .json()
                        .getInt("total"));
        Reply foreign = http.post(
                "api/v1/reviews/" + id + "/reply",
                "{\"text\":\"Hijack\"}",
                rival.merchant().token());
        Reply unknown = http.post(
                "api/v1/reviews/01AAAAAAAAAAAAAAAAAAAAAAAA/reply",
                "{\"text\":\"Hijack\"}",
                rival.merchant().token());
        assertEquals(404, foreign.status(), foreign::toString);
        assertEquals(unknown.json(), foreign.json(), "another tenant's review reads like an unknown one");
        assertFalse(
                http.get("api/v1/reviews", shop.merchant().token())
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .containsKey("reply"),
                "nothing changed");

        assertEquals(403, http.get("api/v1/reviews", buyer.token()).status(), "buyers read public reviews only");
        assertEquals(403, http.get("api/v1/reviews", shop.staffToken()).status());
        assertEquals(401, http.get("api/v1/reviews", null).status());
        assertEquals(401, review(null, codes.get(0), 5, "anonymous").status());
        assertEquals(
                403,
                review(shop.merchant().token(), codes.get(0), 5, "self-praise").status());
        assertEquals(
                404,
                http.get("api/v1/catalog/deals/01AAAAAAAAAAAAAAAAAAAAAAAA/reviews", null)
                        .status());
    }

    @Test
    void tenParallelReviewsOfOneCouponMakeOne() throws Exception {
        redeem(codes.get(0));
        List<Callable<Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            calls.add(() -> review(buyer.token(), codes.get(0), 1 + n % 5, "Attempt " + n));
        }
        List<Reply> replies = Buying.inParallel(10, calls);
        assertEquals(1, replies.stream().filter(r -> r.status() == 201).count());
        replies.stream()
                .filter(r -> r.status() != 201)
                .forEach(r -> assertEquals("review-exists", r.problem(), r::toString));
        assertEquals(
                1,
                http.get("api/v1/catalog/deals/" + shop.dealId(), null).json().getInt("reviewCount"));
    }

    private void redeem(String code) {
        assertEquals(201, counter.redeem(shop.staffToken(), code, shop.first()).status());
    }

    private Reply review(String token, String code, int rating, String comment) {
        return http.post(
                "api/v1/reviews",
                Json.createObjectBuilder()
                        .add("couponCode", code)
                        .add("rating", rating)
                        .add("comment", comment)
                        .build()
                        .toString(),
                token);
    }
}
