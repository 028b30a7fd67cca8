package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Buying under real concurrency against the real database: the quantity, the per-buyer limit and the idempotency key
 * hold however many requests arrive at once; a failed payment leaves nothing behind; refunds happen once.
 */
@org.junit.jupiter.api.extension.ExtendWith(LedgerAgrees.class)
// Alongside other test classes (see deal-web's POM); its own tests one after another.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("OrdersIT")
class OrdersIT extends MerchantApp {

    OrdersIT() {
        super("Order Oven");
    }

    @Test
    void aFlashSaleOf50SellsExactly50To120ParallelOrders() throws Exception {
        String dealId = buying.dealIdOnSale(
                merchant, "Flash Fries", d -> d.add("maxQuantity", 50).add("perBuyerLimit", 2));
        List<Fixtures.Person> buyers = Buying.inParallel(
                8,
                java.util.stream.IntStream.range(0, 60)
                        .mapToObj(i -> (Callable<Fixtures.Person>) fixtures::buyer)
                        .toList());
        List<Callable<Reply>> orders = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Fixtures.Person buyer = buyers.get(i % 60);
            orders.add(() -> buying.buy(buyer, dealId, 1));
        }
        List<Reply> replies = Buying.inParallel(32, orders);

        Map<Integer, Long> byStatus = Buying.byStatus(replies, Set.of("sold-out"));
        assertEquals(50L, byStatus.get(201), "exactly the quantity is sold: " + byStatus);
        assertEquals(70L, byStatus.get(409), "every other order is refused: " + byStatus);

        JsonObject deal = http.get("api/v1/deals/" + dealId, merchant.token()).json();
        assertEquals(50, deal.getInt("sold"));
        assertEquals(0, deal.getInt("remaining"));
        assertEquals(
                "50",
                Buying.query("SELECT COUNT(*) FROM coupon WHERE deal_id = ?", dealId)
                        .get(0)
                        .get(0));
        assertEquals(
                "50",
                Buying.query("SELECT COUNT(*) FROM purchase_order WHERE deal_id = ?", dealId)
                        .get(0)
                        .get(0));
        long coupons = buyers.stream()
                .mapToLong(b ->
                        http.get("api/v1/coupons?size=100", b.token()).json().getInt("total"))
                .sum();
        assertEquals(50, coupons, "the buyers hold 50 coupons between them");
    }

    @Test
    void oneBuyerWithALimitOf3GetsExactly3Of10ParallelOrders() throws Exception {
        String dealId = buying.dealIdOnSale(merchant, "Limited Lemonade", d -> d.add("perBuyerLimit", 3));
        Fixtures.Person buyer = fixtures.buyer();
        List<Reply> replies =
                Buying.inParallel(10, java.util.Collections.nCopies(10, () -> buying.buy(buyer, dealId, 1)));

        assertEquals(3, replies.stream().filter(r -> r.status() == 201).count(), replies::toString);
        replies.stream().filter(r -> r.status() != 201).forEach(r -> {
            assertEquals(409, r.status(), r::toString);
            assertEquals("per-buyer-limit", r.problem());
        });
        assertEquals(3, http.get("api/v1/coupons", buyer.token()).json().getInt("total"));
        assertEquals(
                3, http.get("api/v1/deals/" + dealId, merchant.token()).json().getInt("sold"));
        Reply two = buying.buy(buyer, dealId, 2);
        assertEquals("per-buyer-limit", two.problem(), "the limit counts coupons, not orders");
    }

    @Test
    void oneIdempotencyKeyMakesOneOrderHoweverOftenItIsSent() throws Exception {
        String dealId = buying.dealIdOnSale(merchant, "Idempotent Icecream", d -> {});
        Fixtures.Person buyer = fixtures.buyer();
        String key = UUID.randomUUID().toString();
        String body = Buying.order(dealId, 2, "tok_ok");
        List<Reply> replies =
                Buying.inParallel(10, java.util.Collections.nCopies(10, () -> http.order(body, buyer.token(), key)));

        replies.forEach(r -> assertEquals(201, r.status(), r::toString));
        assertEquals(
                1,
                replies.stream().map(r -> r.json().getString("id")).distinct().count(),
                "the same order every time");
        assertEquals(1, http.get("api/v1/orders", buyer.token()).json().getInt("total"));
        assertEquals(
                2, http.get("api/v1/deals/" + dealId, merchant.token()).json().getInt("sold"));

        Reply other = http.order(Buying.order(dealId, 1, "tok_ok"), buyer.token(), key);
        assertEquals(422, other.status(), other::toString);
        assertEquals("idempotency-key-reused", other.problem());
        Reply missing = http.order(body, buyer.token(), null);
        assertEquals(400, missing.status(), missing::toString);
        assertEquals("idempotency-key-missing", missing.problem());
        assertEquals(
                1, http.get("api/v1/orders", buyer.token()).json().getInt("total"), "refused requests change nothing");
    }

    @Test
    void aDeclinedOrFailedPaymentLeavesNothingBehind() throws Exception {
        String dealId = buying.dealIdOnSale(
                merchant, "Declined Dumplings", d -> d.add("maxQuantity", 5).add("perBuyerLimit", 5));
        Fixtures.Person buyer = fixtures.buyer();

        Reply declined = http.order(
                Buying.order(dealId, 5, "tok_declined"),
                buyer.token(),
                UUID.randomUUID().toString());
        assertEquals(402, declined.status(), declined::toString);
        assertEquals("payment-declined", declined.problem());
        Reply outage = http.order(
                Buying.order(dealId, 5, "tok_error"),
                buyer.token(),
                UUID.randomUUID().toString());
        assertEquals(503, outage.status(), outage::toString);
        assertEquals("payment-unavailable", outage.problem());

        JsonObject history = http.get("api/v1/orders", buyer.token()).json();
        assertEquals(
                List.of("CANCELLED", "DECLINED"),
                history.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .map(o -> o.getString("status"))
                        .toList(),
                "the buyer sees both attempts, newest first");
        history.getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .forEach(o -> assertEquals(0, o.getJsonArray("coupons").size(), "no coupon of an unpaid order"));
        JsonObject deal = http.get("api/v1/deals/" + dealId, merchant.token()).json();
        assertEquals(5, deal.getInt("remaining"), "no stock used");
        assertEquals(
                "0",
                Buying.query(
                                "SELECT COUNT(*) FROM sandbox_payment p JOIN order_request r ON r.order_id = p.payment_key"
                                        + " WHERE r.buyer_id = ? AND p.state IN ('AUTHORISED', 'CAPTURED')",
                                buyer.id())
                        .get(0)
                        .get(0),
                "no authorisation kept");
        assertEquals(201, buying.buy(buyer, dealId, 5).status(), "all 5 are still for sale");
    }

    @Test
    void badOrdersAreRefusedWithAProblem() {
        String dealId = buying.dealIdOnSale(merchant, "Picky Pizza", d -> {});
        Fixtures.Person buyer = fixtures.buyer();
        for (String body : List.of(
                Buying.order(dealId, 0, "tok_ok"),
                Buying.order(dealId, 21, "tok_ok"),
                "{\"dealId\":\"" + dealId + "\",\"quantity\":\"two\",\"paymentToken\":\"tok_ok\"}",
                "{",
                "",
                "{\"dealId\":\"" + dealId + "\",\"quantity\":1}",
                "{\"dealId\":\"" + "x".repeat(100_000) + "\",\"quantity\":1}")) {
            Reply reply = http.order(body, buyer.token(), UUID.randomUUID().toString());
            assertEquals(400, reply.status(), body.length() > 100 ? "long id" : body);
            assertEquals("application/problem+json", reply.contentType());
        }
        Reply unknown = http.order(
                Buying.order("01AAAAAAAAAAAAAAAAAAAAAAAA", 1, "tok_ok"),
                buyer.token(),
                UUID.randomUUID().toString());
        assertEquals(404, unknown.status(), unknown::toString);

        String draft =
                fixtures.newDeal(merchant.token(), Fixtures.deal("Draft Donut")).getString("id");
        assertEquals(404, buying.buy(buyer, draft, 1).status(), "a draft is not for sale, nor visible");
        String cancelledDeal = buying.dealIdOnSale(merchant, "Cancelled Curry", d -> {});
        assertEquals(
                200,
                http.post("api/v1/deals/" + cancelledDeal + "/cancel", null, merchant.token())
                        .status());
        Reply cancelled = buying.buy(buyer, cancelledDeal, 1);
        assertEquals(409, cancelled.status(), cancelled::toString);
        assertEquals("deal-not-on-sale", cancelled.problem());

        assertEquals(
                401, http.order(Buying.order(dealId, 1, "tok_ok"), null, "k1").status());
        assertEquals(
                403,
                http.order(Buying.order(dealId, 1, "tok_ok"), merchant.token(), "k2")
                        .status(),
                "merchants do not buy");
        assertEquals(0, http.get("api/v1/orders", buyer.token()).json().getInt("total"));
    }

    @Test
    void aCouponIsRefundedOnceAndOnlyByItsBuyer() throws Exception {
        String dealId = buying.dealIdOnSale(merchant, "Refund Ramen", d -> {});
        Fixtures.Person buyer = fixtures.buyer();
        Reply bought = buying.buy(buyer, dealId, 2);
        assertEquals(201, bought.status(), bought::toString);
        JsonObject order = bought.json();
        assertEquals("CONFIRMED", order.getString("status"), "min buyers 1: the first order tips the deal");
        assertEquals("39.80", order.getString("amount"));
        String code = order.getJsonArray("coupons").getJsonObject(0).getString("code");
        assertTrue(
                code.matches(
                        "[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z*~$=U]"),
                code);
        assertEquals(
                "ACTIVE",
                http.get("api/v1/coupons/" + code, buyer.token()).json().getString("status"));
        assertEquals(
                "ACTIVE",
                http.get("api/v1/coupons/" + code.toLowerCase().replace("-", "%20"), buyer.token())
                        .json()
                        .getString("status"),
                "the code is read forgivingly");
        byte[] png = http.bytes("api/v1/coupons/" + code + "/qr", buyer.token());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));

        Fixtures.Person stranger = fixtures.buyer();
        assertEquals(404, http.get("api/v1/coupons/" + code, stranger.token()).status());
        assertEquals(
                404,
                http.post("api/v1/coupons/" + code + "/refund", null, stranger.token())
                        .status());
        assertEquals(
                404,
                http.get("api/v1/orders/" + order.getString("id"), stranger.token())
                        .status());

        List<Reply> refunds = Buying.inParallel(
                10,
                java.util.Collections.nCopies(
                        10, () -> http.post("api/v1/coupons/" + code + "/refund", null, buyer.token())));
        assertEquals(1, refunds.stream().filter(r -> r.status() == 200).count(), refunds::toString);
        refunds.stream().filter(r -> r.status() != 200).forEach(r -> assertEquals("not-refundable", r.problem()));
        // the refund is a payment task carried out right after the commit: the sandbox may see it a moment after the
        // 200
        assertEquals(1, Buying.awaitLedger(order.getString("id"), "REFUND", 1, 20), "the money went back");
        Thread.sleep(2000);
        assertEquals(1, Buying.ledger(order.getString("id"), "REFUND"), "the money went back once");
        assertEquals(
                "REFUNDED",
                http.get("api/v1/coupons/" + code, buyer.token()).json().getString("status"));
        assertEquals(
                "PARTIALLY_REFUNDED",
                http.get("api/v1/orders/" + order.getString("id"), buyer.token())
                        .json()
                        .getString("status"));
        assertEquals(
                JsonValue.ValueType.NUMBER,
                http.get("api/v1/deals/" + dealId + "/report", merchant.token())
                        .json()
                        .get("refunded")
                        .getValueType());
        assertEquals(
                1,
                http.get("api/v1/deals/" + dealId + "/report", merchant.token())
                        .json()
                        .getInt("refunded"));
    }
}
