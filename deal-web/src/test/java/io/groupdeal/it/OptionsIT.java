package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Options of a deal against the real database: each option sells at its price within its own cap and the deal's,
 * under parallel load too; an order of a deal of several options names one; the per-buyer limit and the tipping point
 * count the whole deal; a declined payment gives the option's stock back; clients that know no options work as before.
 */
@org.junit.jupiter.api.extension.ExtendWith(LedgerAgrees.class)
// Alongside other test classes (see deal-web's POM); its own tests one after another.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("OptionsIT")
class OptionsIT extends MerchantApp {

    OptionsIT() {
        super("Option Onsen");
    }

    static JsonObjectBuilder option(String title, String price, String value, Integer cap) {
        JsonObjectBuilder option = Json.createObjectBuilder()
                .add("title", title)
                .add("price", price)
                .add("originalValue", value);
        return cap == null ? option : option.add("maxQuantity", cap);
    }

    static JsonArrayBuilder options(JsonObjectBuilder... options) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (JsonObjectBuilder option : options) {
            list.add(option);
        }
        return list;
    }

    private static String order(String dealId, String optionId, int quantity, String token) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("dealId", dealId)
                .add("quantity", quantity)
                .add("paymentToken", token);
        return (optionId == null ? body : body.add("optionId", optionId))
                .build()
                .toString();
    }

    private Reply buy(Fixtures.Person buyer, String dealId, String optionId, int quantity) {
        return http.order(
                order(dealId, optionId, quantity, "tok_ok"),
                buyer.token(),
                UUID.randomUUID().toString());
    }

    /** A deal's options for one (at 19.90, capped or not) and for two (at 35.00), as team ITs sell them too. */
    static JsonArrayBuilder forOneAndForTwo(Integer capOfFirst) {
        return options(option("For 1", "19.90", "34.00", capOfFirst), option("For 2", "35.00", "68.00", null));
    }

    /** Two options any deal of these tests may sell: A at 5.00 and B at 8.00, neither capped. */
    private static JsonArrayBuilder aAndB() {
        return options(option("A", "5.00", "9.00", null), option("B", "8.00", "15.00", null));
    }

    /** A deal on sale of the options and {@code maxQuantity} coupons in all, of which a buyer may buy ten. */
    private JsonObject onSale(String title, int maxQuantity, JsonArrayBuilder options) {
        return buying.dealOnSale(
                merchant,
                title,
                d -> d.add("maxQuantity", maxQuantity).add("perBuyerLimit", 10).add("options", options));
    }

    private Reply write(JsonObjectBuilder deal) {
        return http.post("api/v1/deals", deal.build().toString(), merchant.token());
    }

    private Reply rewrite(String dealId, JsonObjectBuilder deal) {
        return http.put("api/v1/deals/" + dealId, deal.build().toString(), merchant.token());
    }

    private JsonObject deal(String id) {
        return http.get("api/v1/deals/" + id, merchant.token()).json();
    }

    private static JsonObject optionOf(JsonObject deal, String title) {
        return deal.getJsonArray("options").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("title").equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError(title + " in " + deal));
    }

    @Test
    void aDealOfThreeOptionsSellsEachAtItsPriceWithinItsOwnCap() throws Exception {
        JsonObject published = onSale(
                "Onsen day",
                20,
                options(
                        option("For 1", "19.90", "34.00", 2),
                        option("For 2", "35.00", "68.00", 3),
                        option("Family", "60.00", "120.00", null)));
        String dealId = published.getString("id");
        assertEquals(
                List.of("For 1", "For 2", "Family"),
                published.getJsonArray("options").getValuesAs(JsonObject.class).stream()
                        .map(o -> o.getString("title"))
                        .toList(),
                "in the order they were written");
        assertEquals("19.90", published.getString("price"), "the deal's price is its first option's");
        assertEquals("34.00", published.getString("originalValue"));
        String one = optionOf(published, "For 1").getString("id");
        String two = optionOf(published, "For 2").getString("id");
        String family = optionOf(published, "Family").getString("id");
        assertEquals(2, optionOf(published, "For 1").getInt("remaining"));
        assertEquals(20, optionOf(published, "Family").getInt("remaining"), "no cap of its own: the deal's 20");

        Fixtures.Person buyer = fixtures.buyer();
        Reply forOne = buy(buyer, dealId, one, 2);
        assertEquals(201, forOne.status(), forOne::toString);
        assertEquals(one, forOne.json().getString("optionId"));
        assertEquals("39.80", forOne.json().getString("amount"), "2 × 19.90");
        Reply forTwo = buy(buyer, dealId, two, 1);
        assertEquals(201, forTwo.status(), forTwo::toString);
        assertEquals("35.00", forTwo.json().getString("amount"));
        assertEquals(
                "35.00",
                forTwo.json().getJsonArray("coupons").getJsonObject(0).getString("price"),
                "a coupon costs its option's price");
        Reply forFamily = buy(buyer, dealId, family, 3);
        assertEquals(201, forFamily.status(), forFamily::toString);
        assertEquals("180.00", forFamily.json().getString("amount"));
        assertEquals(
                family,
                http.get("api/v1/orders/" + forFamily.json().getString("id"), buyer.token())
                        .json()
                        .getString("optionId"));

        Reply beyondCap = buy(buyer, dealId, one, 1);
        assertEquals(409, beyondCap.status(), beyondCap::toString);
        assertEquals("sold-out", beyondCap.problem(), "For 1 is capped at 2");
        assertEquals(201, buy(buyer, dealId, two, 2).status(), "For 2 still has 2 left");
        assertEquals("sold-out", buy(buyer, dealId, two, 1).problem());

        JsonObject after = deal(dealId);
        assertEquals(8, after.getInt("sold"), "the deal counts every option");
        assertEquals(12, after.getInt("remaining"));
        assertEquals(2, optionOf(after, "For 1").getInt("sold"));
        assertEquals(0, optionOf(after, "For 1").getInt("remaining"));
        assertEquals(3, optionOf(after, "For 2").getInt("sold"));
        assertEquals(3, optionOf(after, "Family").getInt("sold"));
        assertEquals(12, optionOf(after, "Family").getInt("remaining"), "what the deal has left");

        JsonObject catalog = http.get("api/v1/catalog/deals/" + dealId, null).json();
        assertEquals(0, optionOf(catalog, "For 1").getInt("remaining"));
        assertEquals("60.00", optionOf(catalog, "Family").getString("price"));
        assertEquals(12, optionOf(catalog, "Family").getInt("remaining"));
        JsonObject listed = http
                .get("api/v1/catalog/deals?q=Onsen%20day&size=100", null)
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(d -> d.getString("id").equals(dealId))
                .findFirst()
                .orElseThrow();
        assertEquals(3, listed.getJsonArray("options").size(), "the catalog's list shows the options too");
        assertEquals(
                8,
                Integer.parseInt(Buying.value("SELECT SUM(quantity) FROM purchase_order WHERE deal_id = ?", dealId)));
        assertEquals("8", Buying.value("SELECT sold FROM deal WHERE id = ?", dealId));
        JsonObject report =
                http.get("api/v1/deals/" + dealId + "/report", merchant.token()).json();
        assertEquals(8, report.getInt("sold"), "the report counts the deal as before");
    }

    @Test
    void aCouponNamesTheOptionItWasBoughtForToItsBuyerAndAtTheCounter() throws Exception {
        Counter.Shop shop = counter.shop("Option Counter");
        JsonObject published = buying.dealOnSale(
                shop.merchant(),
                "Dumplings",
                d -> d.add(
                        "options",
                        options(
                                option("For two", "20.00", "36.00", null),
                                option("For four", "38.00", "70.00", null))));
        Fixtures.Person buyer = fixtures.buyer();
        Reply bought = buy(
                buyer,
                published.getString("id"),
                optionOf(published, "For four").getString("id"),
                1);
        assertEquals(201, bought.status(), bought::toString);
        String code = bought.json().getJsonArray("coupons").getJsonObject(0).getString("code");

        JsonObject mine = http.get("api/v1/coupons/" + code, buyer.token()).json();
        assertEquals("Dumplings", mine.getString("dealTitle"));
        assertEquals("For four", mine.getString("optionTitle"), "the buyer's coupon names the option bought: " + mine);
        JsonObject listed = http.get("api/v1/coupons", buyer.token())
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertEquals("For four", listed.getString("optionTitle"));
        Reply looked = counter.lookup(shop.staffToken(), code, shop.first());
        assertEquals(200, looked.status(), looked::toString);
        assertEquals("Dumplings", looked.json().getString("dealTitle"));
        assertEquals("For four", looked.json().getString("optionTitle"), "the counter sees what to serve: " + looked);

        String plain = counter.coupons(shop.dealId(), 1).get(0);
        JsonObject single =
                counter.lookup(shop.staffToken(), plain, shop.first()).json();
        assertFalse(single.containsKey("optionTitle"), "a deal of one option names none: " + single);
    }

    @Test
    void aDealOfSeveralOptionsNeedsOneOfItsOwnNamed() throws Exception {
        String dealId = buying.dealIdOnSale(
                merchant,
                "Two ways",
                d -> d.add(
                        "options",
                        options(option("Small", "5.00", "9.00", null), option("Large", "8.00", "15.00", null))));
        Fixtures.Merchant otherMerchant = fixtures.merchantWithStore("Other Onsen");
        JsonObject other = buying.dealOnSale(otherMerchant, "Elsewhere", d -> {});
        String othersOption = other.getJsonArray("options").getJsonObject(0).getString("id");
        Fixtures.Person buyer = fixtures.buyer();

        Reply missing = buy(buyer, dealId, null, 1);
        assertEquals(422, missing.status(), missing::toString);
        assertEquals("option-required", missing.problem());
        assertEquals(
                "optionId",
                missing.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        for (String wrong : List.of(othersOption, other.getString("id"), "01ARZ3NDEKTSV4RRFFQ69G5FAV", "not an id")) {
            Reply refused = buy(buyer, dealId, wrong, 1);
            assertEquals(422, refused.status(), refused::toString);
            assertEquals(
                    "unknown-option",
                    refused.problem(),
                    "another deal's option, the deal's own id, an unknown id, garbage");
            assertFalse(
                    refused.body().contains("Other Onsen") || refused.body().contains("Elsewhere"), refused::toString);
        }
        assertEquals(
                0,
                http.get("api/v1/orders", buyer.token()).json().getInt("total"),
                "refused orders leave nothing behind");
        assertEquals(0, deal(dealId).getInt("sold"));
        assertEquals(
                "0",
                Buying.value("SELECT COUNT(*) FROM order_request WHERE buyer_id = ?", buyer.id()),
                "the keys stay unused");
    }

    @Test
    void clientsThatKnowNoOptionsWorkAsBefore() throws Exception {
        JsonObject written = fixtures.newDeal(merchant.token(), Fixtures.deal("Plain price"));
        assertEquals(1, written.getJsonArray("options").size(), "a deal written without options has one");
        JsonObject single = written.getJsonArray("options").getJsonObject(0);
        assertEquals("Plain price", single.getString("title"));
        assertEquals("19.90", single.getString("price"));
        assertEquals("34.00", single.getString("originalValue"));
        assertEquals(100, single.getInt("maxQuantity"));

        Reply edited = rewrite(
                written.getString("id"),
                Fixtures.deal("Plain price").add("price", "17.00").add("maxQuantity", 40));
        assertEquals(200, edited.status(), edited::toString);
        JsonObject again = edited.json().getJsonArray("options").getJsonObject(0);
        assertEquals(
                single.getString("id"),
                again.getString("id"),
                "the option keeps its id when the deal is written again");
        assertEquals("17.00", again.getString("price"));
        assertEquals(40, again.getInt("maxQuantity"));

        String dealId =
                fixtures.publish(merchant.token(), written.getString("id")).getString("id");
        Fixtures.Person buyer = fixtures.buyer();
        Reply bought = buying.buy(buyer, dealId, 2);
        assertEquals(201, bought.status(), bought::toString);
        assertEquals("34.00", bought.json().getString("amount"));
        assertEquals(single.getString("id"), bought.json().getString("optionId"), "the deal's one option");
        Reply named = buy(buyer, dealId, single.getString("id"), 1);
        assertEquals(201, named.status(), "naming the only option is fine too: " + named);
        assertEquals(3, optionOf(deal(dealId), "Plain price").getInt("sold"));
    }

    @Test
    void theLimitPerBuyerCountsEveryOptionOfTheDeal() throws Exception {
        JsonObject published = buying.dealOnSale(
                merchant, "Limited onsen", d -> d.add("perBuyerLimit", 3).add("options", aAndB()));
        String dealId = published.getString("id");
        String a = optionOf(published, "A").getString("id");
        String b = optionOf(published, "B").getString("id");
        Fixtures.Person buyer = fixtures.buyer();

        assertEquals(201, buy(buyer, dealId, a, 2).status());
        Reply over = buy(buyer, dealId, b, 2);
        assertEquals(409, over.status(), over::toString);
        assertEquals("per-buyer-limit", over.problem(), "2 of A and 2 of B pass the limit of 3 of the deal");
        assertEquals(201, buy(buyer, dealId, b, 1).status());
        assertEquals("per-buyer-limit", buy(buyer, dealId, a, 1).problem());
        assertEquals(1, optionOf(deal(dealId), "B").getInt("sold"), "the refused order took none of B's stock");
    }

    @Test
    void theTippingPointCountsEveryOption() throws Exception {
        JsonObject published = buying.dealOnSale(
                merchant, "Tipping onsen", d -> d.add("minBuyers", 3).add("options", aAndB()));
        String dealId = published.getString("id");
        Fixtures.Person buyer = fixtures.buyer();
        Reply first = buy(buyer, dealId, optionOf(published, "A").getString("id"), 2);
        assertEquals("PENDING", first.json().getString("status"), "2 of 3: not tipped yet");
        Reply tipping = buy(buyer, dealId, optionOf(published, "B").getString("id"), 1);
        assertEquals(
                "CONFIRMED", tipping.json().getString("status"), "the third coupon, of another option, tips the deal");
        assertTrue(deal(dealId).getBoolean("tipped"));
    }

    @Test
    void aDeclinedPaymentGivesTheOptionsStockBack() throws Exception {
        JsonObject published = buying.dealOnSale(
                merchant,
                "Declined onsen",
                d -> d.add("maxQuantity", 10)
                        .add("options", options(option("A", "5.00", "9.00", 2), option("B", "8.00", "15.00", null))));
        String dealId = published.getString("id");
        String a = optionOf(published, "A").getString("id");
        Fixtures.Person buyer = fixtures.buyer();

        Reply declined = http.order(
                order(dealId, a, 2, "tok_declined"),
                buyer.token(),
                UUID.randomUUID().toString());
        assertEquals(402, declined.status(), declined::toString);
        Reply failed = http.order(
                order(dealId, a, 2, "tok_error"),
                buyer.token(),
                UUID.randomUUID().toString());
        assertEquals(503, failed.status(), failed::toString);
        JsonObject after = deal(dealId);
        assertEquals(0, optionOf(after, "A").getInt("sold"), "both released");
        assertEquals(2, optionOf(after, "A").getInt("remaining"));
        assertEquals(0, after.getInt("sold"));
        assertEquals(201, buy(buyer, dealId, a, 2).status(), "the whole cap can be bought again");
    }

    @Test
    void sixtyParallelOrdersSellExactlyTheOptionsCapAndTheDealsQuantity() throws Exception {
        JsonObject published = onSale(
                "Rush onsen", 25, options(option("Capped", "5.00", "9.00", 10), option("Open", "8.00", "15.00", null)));
        String dealId = published.getString("id");
        String capped = optionOf(published, "Capped").getString("id");
        String open = optionOf(published, "Open").getString("id");
        List<Fixtures.Person> buyers = Buying.inParallel(
                4,
                java.util.stream.IntStream.range(0, 15)
                        .mapToObj(i -> (Callable<Fixtures.Person>) fixtures::buyer)
                        .toList());
        List<Callable<Reply>> orders = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Fixtures.Person buyer = buyers.get(i % buyers.size());
            String option = i % 2 == 0 ? capped : open;
            orders.add(() -> buy(buyer, dealId, option, 1));
        }
        List<Reply> replies = Buying.inParallel(30, orders);

        // stock is taken when the order is reserved; a payment whose answer came too late on this busy machine is
        // 503 payment-unavailable with its stock held, and the reconciler settles it
        Map<String, Long> byOutcome = replies.stream()
                .collect(Collectors.groupingBy(r -> r.status() == 201 ? "bought" : r.problem(), Collectors.counting()));
        assertEquals(
                25L,
                byOutcome.get("bought") + byOutcome.getOrDefault("payment-unavailable", 0L),
                "exactly the deal's quantity is taken: " + byOutcome);
        assertEquals(35L, byOutcome.get("sold-out"), "every other order is refused as sold out: " + byOutcome);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!"0"
                        .equals(Buying.value(
                                "SELECT COUNT(*) FROM purchase_order WHERE deal_id = ? AND status = 'RESERVED'",
                                dealId))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }

        JsonObject after = deal(dealId);
        assertEquals(25, after.getInt("sold"));
        assertEquals(0, after.getInt("remaining"));
        assertEquals(10, optionOf(after, "Capped").getInt("sold"), "exactly the option's cap");
        assertEquals(15, optionOf(after, "Open").getInt("sold"));
        assertEquals(0, optionOf(after, "Open").getInt("remaining"), "the deal has none left");
        assertEquals("25", Buying.value("SELECT COUNT(*) FROM coupon WHERE deal_id = ?", dealId));
        assertEquals(
                "10",
                Buying.value(
                        "SELECT COALESCE(SUM(quantity), 0) FROM purchase_order WHERE deal_id = ? AND option_id = ?"
                                + " AND released_at IS NULL",
                        dealId,
                        capped),
                "the orders of the capped option hold its cap");
    }

    @Test
    void brokenOptionsAreRefusedByNameAndOnlyDraftsChangeThem() throws Exception {
        Reply broken = write(Fixtures.deal("Broken")
                .add("maxQuantity", 5)
                .add("options", options(option("", "30.00", "20.00", 6), option("B", "1.00", "2.00", null))));
        assertEquals(400, broken.status(), broken::toString);
        List<String> fields = broken.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field"))
                .toList();
        assertEquals(List.of("options[0].title", "options[0].price", "options[0].maxQuantity"), fields);
        Reply eleven = write(Fixtures.deal("Eleven")
                .add(
                        "options",
                        options(java.util.stream.IntStream.range(0, 11)
                                .mapToObj(i -> option("O" + i, "1.00", "2.00", null))
                                .toArray(JsonObjectBuilder[]::new))));
        assertEquals(400, eleven.status(), eleven::toString);
        assertEquals(0, http.get("api/v1/deals", merchant.token()).json().getInt("total"), "nothing was written");
        Reply none = write(Fixtures.deal("None").add("options", Json.createArrayBuilder()));
        assertEquals(201, none.status(), none::toString);
        assertEquals(1, none.json().getJsonArray("options").size(), "an empty list is a deal written without options");

        JsonObject draft =
                fixtures.newDeal(merchant.token(), Fixtures.deal("Draft").add("options", aAndB()));
        String keptId = optionOf(draft, "B").getString("id");
        Reply rewritten = rewrite(
                draft.getString("id"),
                Fixtures.deal("Draft")
                        .add(
                                "options",
                                Json.createArrayBuilder()
                                        .add(option("B renamed", "7.00", "15.00", 5)
                                                .add("id", keptId))
                                        .add(option("C", "9.00", "18.00", null))));
        assertEquals(200, rewritten.status(), rewritten::toString);
        assertEquals(
                keptId,
                rewritten.json().getJsonArray("options").getJsonObject(0).getString("id"),
                "B kept its id and moved first");
        assertEquals("7.00", rewritten.json().getString("price"), "the deal is priced as its new first option");
        assertNotEquals(
                optionOf(draft, "A").getString("id"),
                rewritten.json().getJsonArray("options").getJsonObject(1).getString("id"));
        assertEquals(2, rewritten.json().getJsonArray("options").size(), "A is gone");

        fixtures.publish(merchant.token(), draft.getString("id"));
        Reply late = rewrite(
                draft.getString("id"),
                Fixtures.deal("Draft").add("options", options(option("X", "1.00", "2.00", null))));
        assertEquals(409, late.status(), late::toString);
        assertEquals("deal-not-editable", late.problem());
    }
}
