package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/** A merchant's deals: the lifecycle in real time, every validation rule, and isolation of every deal route. */
@org.junit.jupiter.api.extension.ExtendWith(LedgerAgrees.class)
// Alongside other test classes (see deal-web's POM); its own tests one after another.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("DealsIT")
// Among the first classes to start (see MailOpsIT): its scheduled deal waits about half a minute to open and end.
@Order(4)
class DealsIT extends DeployedApp {

    private static final String MISSING_ID = "01AAAAAAAAAAAAAAAAAAAAAAAA";

    private Fixtures.Merchant merchant;
    private String storeId;

    @BeforeEach
    void setUp() {
        merchant = fixtures.merchant("Deal Diner");
        storeId = fixtures.newStore(merchant.token(), "Deal Diner One").getString("id");
    }

    @Test
    void aScheduledDealGoesOnSaleAndEndsByItself() throws InterruptedException {
        Instant start = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plusSeconds(25);
        String id = fixtures.newDeal(merchant.token(), Fixtures.deal("Timed Tacos", start, end, List.of(storeId)))
                .getString("id");
        assertEquals("SCHEDULED", fixtures.publish(merchant.token(), id).getString("status"));
        assertEquals(200, http.get("api/v1/catalog/deals/" + id, null).status(), "a scheduled deal is in the catalog");

        Instant onSale = waitForStatus(id, "ON_SALE", start.plusSeconds(30));
        assertTrue(
                !onSale.isBefore(start) && onSale.isBefore(start.plusSeconds(30)),
                "on sale within 30 s of its start: " + onSale);

        Instant failed = waitForStatus(id, "FAILED", end.plusSeconds(30));
        assertTrue(failed.isBefore(end.plusSeconds(30)), "ended within 30 s of its end: " + failed);
        assertTrue(
                http
                        .get("api/v1/catalog/deals?q=Timed%20Tacos&size=100", null)
                        .json()
                        .getJsonArray("items")
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .noneMatch(d -> d.getString("id").equals(id)),
                "a failed deal leaves the catalog list");
    }

    @Test
    void aDealWhoseSalesStartedIsOnSaleFromPublishing() {
        Instant now = Instant.now();
        String id =
                fixtures.newDeal(merchant.token(), Fixtures.deal("Now Noodles")).getString("id");
        JsonObject published = fixtures.publish(merchant.token(), id);
        assertEquals("ON_SALE", published.getString("status"));
        assertEquals(100, published.getInt("remaining"));
        assertEquals(0, published.getInt("sold"));
        assertEquals("19.90", published.getString("price"));

        Reply edit = http.put(
                "api/v1/deals/" + id,
                Fixtures.deal("Changed", now, now.plusSeconds(60), List.of())
                        .build()
                        .toString(),
                merchant.token());
        assertEquals(409, edit.status());
        assertEquals("deal-not-editable", edit.problem());

        Reply cancelled = http.post("api/v1/deals/" + id + "/cancel", null, merchant.token());
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("CANCELLED", cancelled.json().getString("status"));
        assertEquals(404, http.get("api/v1/catalog/deals/" + id, null).status(), "a cancelled deal leaves the catalog");
        Reply again = http.post("api/v1/deals/" + id + "/cancel", null, merchant.token());
        assertEquals(409, again.status());
        assertEquals("deal-not-cancellable", again.problem());
    }

    @Test
    void draftsAreEditableAndListedWithTheirProgress() {
        JsonObject draft =
                fixtures.newDeal(merchant.token(), Json.createObjectBuilder().add("title", "Half-made Hotpot"));
        assertEquals("DRAFT", draft.getString("status"));
        assertEquals(1, draft.getInt("minBuyers"));
        Instant now = Instant.now();
        Reply edited = http.put(
                "api/v1/deals/" + draft.getString("id"),
                Fixtures.deal("Hotpot for four", now.plusSeconds(3600), now.plus(Duration.ofDays(2)), List.of(storeId))
                        .build()
                        .toString(),
                merchant.token());
        assertEquals(200, edited.status(), edited::toString);
        assertEquals("Hotpot for four", edited.json().getString("title"));
        assertEquals(
                List.of(storeId),
                edited.json().getJsonArray("storeIds").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
        assertEquals(
                404,
                http.get("api/v1/catalog/deals/" + draft.getString("id"), null).status(),
                "a draft is not in the catalog");

        JsonObject drafts =
                http.get("api/v1/deals?status=DRAFT", merchant.token()).json();
        assertEquals(1, drafts.getInt("total"));
        JsonObject report = http.get("api/v1/deals/" + draft.getString("id") + "/report", merchant.token())
                .json();
        assertEquals(0, report.getInt("sold"));
        assertEquals("0.00", report.getString("revenue"));
        Reply csv = http.get("api/v1/deals/" + draft.getString("id") + "/report.csv", merchant.token());
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"));
        assertTrue(csv.body().startsWith("section,key,sold,redeemed,refunded,revenue,redemption_rate"), csv.body());
    }

    @Test
    void everyRuleOfADealIsCheckedWithItsField() {
        Instant now = Instant.now();
        Map<String, Consumer<JsonObjectBuilder>> broken = new java.util.LinkedHashMap<>();
        broken.put(
                "salesEnd",
                b -> b.add("salesStart", now.plusSeconds(7200).toString())
                        .add("salesEnd", now.plusSeconds(3600).toString()));
        broken.put(
                "couponValidUntil",
                b -> b.add("couponValidUntil", now.plusSeconds(60).toString()));
        broken.put("price", b -> b.add("price", "-1.00"));
        broken.put("originalValue", b -> b.add("originalValue", "0"));
        broken.put("price ", b -> b.add("price", "19.999"));
        broken.put("price  ", b -> b.add("price", "40.00"));
        broken.put("minBuyers", b -> b.add("minBuyers", 0));
        broken.put("maxQuantity", b -> b.add("minBuyers", 10).add("maxQuantity", 5));
        broken.put("perBuyerLimit", b -> b.add("perBuyerLimit", 0));
        broken.put("currency", b -> b.add("currency", "EURO"));
        broken.put("currency ", b -> b.add("currency", "XXY"));
        broken.put("title", b -> b.add("title", "x".repeat(121)));
        broken.put("title ", b -> b.add("title", "   "));
        broken.put("description", b -> b.add("description", "x".repeat(5001)));
        broken.put("finePrint", b -> b.add("finePrint", "x".repeat(2001)));
        broken.put("storeIds", b -> b.add("storeIds", Json.createArrayBuilder().add(MISSING_ID)));
        broken.put("refundPolicy", b -> b.add("refundPolicy", "SOMETIMES"));
        List<String> failures = new ArrayList<>();
        broken.forEach((field, breaker) -> {
            JsonObjectBuilder body = Fixtures.deal(
                    "Rule " + field.strip(), now.plusSeconds(600), now.plusSeconds(7200), List.of(storeId));
            breaker.accept(body);
            Reply reply = http.post("api/v1/deals", body.build().toString(), merchant.token());
            if (reply.status() != 400 || !reply.body().contains("\"field\":\"" + field.strip() + "\"")) {
                failures.add(field.strip() + " → " + reply);
            }
        });
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
        Reply yen = http.post(
                "api/v1/deals",
                Fixtures.deal("Yen deal", now.plusSeconds(600), now.plusSeconds(7200), List.of())
                        .add("currency", "JPY")
                        .add("price", "1200")
                        .add("originalValue", "2400")
                        .build()
                        .toString(),
                merchant.token());
        assertEquals(201, yen.status(), yen::toString);
        assertEquals("1200", yen.json().getString("price"));
        assertEquals(
                0,
                http.get("api/v1/deals?status=ON_SALE", merchant.token()).json().getInt("total"));
    }

    @Test
    void anIncompleteDealIsNotPublishedAndEveryGapIsNamed() {
        String id = fixtures.newDeal(
                        merchant.token(), Json.createObjectBuilder().add("title", "Sketchy Sushi"))
                .getString("id");
        Reply reply = http.post("api/v1/deals/" + id + "/publish", null, merchant.token());
        assertEquals(422, reply.status(), reply::toString);
        assertEquals("deal-incomplete", reply.problem());
        for (String field : List.of(
                "description", "currency", "price", "originalValue", "salesStart", "salesEnd", "couponValidUntil")) {
            assertTrue(reply.body().contains("\"field\":\"" + field + "\""), () -> field + " missing in " + reply);
        }
        assertEquals(
                "DRAFT", http.get("api/v1/deals/" + id, merchant.token()).json().getString("status"));

        Instant past = Instant.now().minus(Duration.ofDays(2));
        String ended = fixtures.newDeal(
                        merchant.token(),
                        Fixtures.deal("Yesterday's Yakitori", past, past.plusSeconds(3600), List.of()))
                .getString("id");
        Reply late = http.post("api/v1/deals/" + ended + "/publish", null, merchant.token());
        assertEquals(422, late.status());
        assertTrue(late.body().contains("\"field\":\"salesEnd\""), late::toString);
    }

    @Test
    void anotherTenantsDealIsAnsweredLikeAMissingOne() {
        Instant now = Instant.now();
        String id = fixtures.newDeal(
                        merchant.token(),
                        Fixtures.deal("Private Pho", now.plusSeconds(600), now.plusSeconds(7200), List.of(storeId)))
                .getString("id");
        Fixtures.Merchant intruder = fixtures.merchant("Intruding Izakaya");
        String body = Fixtures.deal("Hijacked", now.plusSeconds(600), now.plusSeconds(7200), List.of())
                .build()
                .toString();
        for (String[] route : new String[][] {
            {"GET", ""},
            {"PUT", ""},
            {"POST", "/publish"},
            {"POST", "/cancel"},
            {"GET", "/report"},
            {"GET", "/report.csv"}
        }) {
            String payload = route[0].equals("PUT") ? body : null;
            Reply foreign = http.send(
                    route[0],
                    "api/v1/deals/" + id + route[1],
                    payload,
                    intruder.token(),
                    payload == null ? null : "application/json");
            Reply missing = http.send(
                    route[0],
                    "api/v1/deals/" + MISSING_ID + route[1],
                    payload,
                    intruder.token(),
                    payload == null ? null : "application/json");
            assertEquals(404, foreign.status(), () -> route[0] + route[1] + " → " + foreign);
            assertEquals(missing.body(), foreign.body(), route[0] + route[1]);
        }
        assertEquals(0, http.get("api/v1/deals", intruder.token()).json().getInt("total"));
        Reply foreignStore = http.post(
                "api/v1/deals",
                Fixtures.deal("Borrowed store", now.plusSeconds(600), now.plusSeconds(7200), List.of(storeId))
                        .build()
                        .toString(),
                intruder.token());
        Reply missingStore = http.post(
                "api/v1/deals",
                Fixtures.deal("Borrowed store", now.plusSeconds(600), now.plusSeconds(7200), List.of(MISSING_ID))
                        .build()
                        .toString(),
                intruder.token());
        assertEquals(400, foreignStore.status());
        assertEquals(
                missingStore.body().replace(MISSING_ID, "ID"),
                foreignStore.body().replace(storeId, "ID"));

        JsonObject mine = http.get("api/v1/deals/" + id, merchant.token()).json();
        assertEquals("Private Pho", mine.getString("title"));
        assertEquals("DRAFT", mine.getString("status"));
    }

    private Instant waitForStatus(String id, String status, Instant deadline) throws InterruptedException {
        while (Instant.now().isBefore(deadline.plusSeconds(5))) {
            if (status.equals(
                    http.get("api/v1/deals/" + id, merchant.token()).json().getString("status"))) {
                return Instant.now();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("deal never became " + status);
    }
}
