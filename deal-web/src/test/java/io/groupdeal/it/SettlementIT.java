package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.devserver.ItMailServer;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The tipping point and what follows, in real time with the real jobs: pending orders are captured once when the
 * deal tips, voided when it fails, refunded when it is cancelled; every buyer is told by mail (received by GreenMail),
 * and mails written while the mail server is down arrive once it is back, each exactly once.
 */
@org.junit.jupiter.api.extension.ExtendWith(LedgerAgrees.class)
// Alongside other test classes (see deal-web's POM), but not beside those that read the run's mail server (resource
// "mail-server"): one of its tests stops it, and what it received is gone; other classes' mails wait meanwhile.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("mail-server")
class SettlementIT extends DeployedApp {

    private Fixtures.Merchant merchant;

    @BeforeEach
    void setUp() {
        merchant = fixtures.merchantWithStore("Tipping Tavern");
    }

    @Test
    void pendingOrdersAreCapturedOnceWhenTheDealTips() throws Exception {
        String dealId = buying.dealIdOnSale(merchant, "Tipping Tapas", d -> d.add("minBuyers", 3));
        Fixtures.Person first = fixtures.buyer();
        Fixtures.Person second = fixtures.buyer();
        Fixtures.Person third = fixtures.buyer();
        JsonObject a = buying.buy(first, dealId, 1).json();
        JsonObject b = buying.buy(second, dealId, 1).json();
        assertEquals("PENDING", a.getString("status"));
        assertEquals("PENDING", a.getJsonArray("coupons").getJsonObject(0).getString("status"));
        assertEquals(0, Buying.ledger(a.getString("id"), "CAPTURE"), "before the tipping point nothing is captured");
        assertEquals(1, Buying.ledger(a.getString("id"), "AUTHORISE"));

        JsonObject c = buying.buy(third, dealId, 1).json();
        assertEquals("CONFIRMED", c.getString("status"), "the order that tips the deal is captured at once");
        assertEquals("ACTIVE", c.getJsonArray("coupons").getJsonObject(0).getString("status"));
        assertEquals(
                "CONFIRMED",
                buying.awaitOrder(first, a.getString("id"), "CONFIRMED", 20).getString("status"));
        assertEquals(
                "CONFIRMED",
                buying.awaitOrder(second, b.getString("id"), "CONFIRMED", 20).getString("status"));
        assertEquals(
                "ACTIVE",
                http.get("api/v1/orders/" + a.getString("id"), first.token())
                        .json()
                        .getJsonArray("coupons")
                        .getJsonObject(0)
                        .getString("status"));
        Thread.sleep(3000);
        for (String order : List.of(a.getString("id"), b.getString("id"), c.getString("id"))) {
            assertEquals(1, Buying.awaitLedger(order, "CAPTURE", 1, 20), "one capture per order");
        }
        JsonObject deal = http.get("api/v1/deals/" + dealId, merchant.token()).json();
        assertTrue(deal.getBoolean("tipped"));
        assertEquals(3, deal.getInt("sold"));

        assertTrue(
                Mailbox.awaitMail(first.email(), "The deal is on", 30).size() == 1,
                "the early buyers hear that the deal is on");
        assertEquals(1, Mailbox.awaitMail(second.email(), "The deal is on", 30).size());
        assertEquals(
                0,
                Mailbox.mails(third.email(), "The deal is on").size(),
                "the buyer who tipped it was charged at once");
        assertEquals(1, Mailbox.awaitMail(third.email(), "Your coupons", 30).size());
    }

    @Test
    void anUntippedDealFailsAtItsEndAndEveryAuthorisationIsVoided() throws Exception {
        Instant now = Instant.now();
        var body = Fixtures.deal("Failing Falafel", now.minusSeconds(60), now.plusSeconds(12), List.of());
        body.add("minBuyers", 5);
        String dealId = fixtures.newDeal(merchant.token(), body).getString("id");
        fixtures.publish(merchant.token(), dealId);
        Fixtures.Person buyer = fixtures.buyer();
        Fixtures.Person other = fixtures.buyer();
        String orderA = buying.buy(buyer, dealId, 2).json().getString("id");
        String orderB = buying.buy(other, dealId, 1).json().getString("id");

        assertEquals(
                "CANCELLED", buying.awaitOrder(buyer, orderA, "CANCELLED", 45).getString("status"));
        assertEquals(
                "CANCELLED", buying.awaitOrder(other, orderB, "CANCELLED", 20).getString("status"));
        assertEquals(
                "FAILED",
                http.get("api/v1/deals/" + dealId, merchant.token()).json().getString("status"));
        http.get("api/v1/orders/" + orderA, buyer.token())
                .json()
                .getJsonArray("coupons")
                .getValuesAs(JsonObject.class)
                .forEach(coupon -> assertEquals("VOID", coupon.getString("status")));
        for (String order : List.of(orderA, orderB)) {
            assertEquals(1, Buying.awaitLedger(order, "VOID", 1, 20));
            assertEquals(0, Buying.ledger(order, "CAPTURE"));
        }
        assertEquals(
                1,
                Mailbox.awaitMail(buyer.email(), "The deal did not happen", 30).size());
        assertEquals(
                1,
                Mailbox.awaitMail(other.email(), "The deal did not happen", 30).size());
    }

    @Test
    void cancellingATippedDealRefundsTheUnusedCoupons() throws Exception {
        String dealId = buying.dealIdOnSale(merchant, "Cancelled Cannoli", d -> {});
        Fixtures.Person buyer = fixtures.buyer();
        String orderId = buying.buy(buyer, dealId, 2).json().getString("id");
        assertEquals(
                200,
                http.post("api/v1/deals/" + dealId + "/cancel", null, merchant.token())
                        .status());

        assertEquals(
                "REFUNDED", buying.awaitOrder(buyer, orderId, "REFUNDED", 20).getString("status"));
        assertEquals(1, Buying.awaitLedger(orderId, "REFUND", 1, 20));
        assertEquals(
                "39.800",
                Buying.query(
                                "SELECT f.amount FROM sandbox_refund f JOIN sandbox_payment p ON p.ref = f.ref"
                                        + " WHERE p.payment_key = ?",
                                orderId)
                        .get(0)
                        .get(0));
        assertEquals(
                1,
                Mailbox.awaitMail(buyer.email(), "Deal cancelled, money returned", 30)
                        .size());
    }

    @Test
    void theConfirmationCarriesEveryCodeWithItsQrImage() throws Exception {
        String dealId = buying.dealIdOnSale(merchant, "Coded Crepes", d -> {});
        Fixtures.Person buyer = fixtures.buyer();
        JsonObject order = buying.buy(buyer, dealId, 3).json();
        List<MimeMessage> received = Mailbox.awaitMail(buyer.email(), "Your coupons: Coded Crepes", 30);
        assertEquals(1, received.size());
        String text = Mailbox.part(received.get(0), "text/plain");
        String html = Mailbox.part(received.get(0), "text/html");
        for (JsonObject coupon : order.getJsonArray("coupons").getValuesAs(JsonObject.class)) {
            String code = coupon.getString("code");
            assertTrue(text.contains(code), "the text names " + code);
            assertTrue(
                    html.contains(code) && html.contains("cid:qr-" + code),
                    "the HTML shows " + code + " with its QR image");
        }
        assertEquals(3, Mailbox.images(received.get(0)), "one inline QR image per coupon");
        assertTrue(text.contains("Valid for one person."), "the fine print is in the mail");
        assertTrue(text.contains("Tipping Tavern Mitte"), "the stores are in the mail");
    }

    @Test
    void mailsWrittenWhileTheMailServerIsDownArriveOnceItIsBack() throws Exception {
        String dealId = buying.dealIdOnSale(merchant, "Offline Omelette", d -> {});
        List<Fixtures.Person> buyers = List.of(fixtures.buyer(), fixtures.buyer(), fixtures.buyer());
        ItMailServer.stop();
        try {
            for (Fixtures.Person buyer : buyers) {
                assertEquals(201, buying.buy(buyer, dealId, 1).status(), "buying goes on without a mail server");
            }
            Thread.sleep(6000);
        } finally {
            ItMailServer.start();
        }
        for (Fixtures.Person buyer : buyers) {
            assertEquals(1, Mailbox.awaitMail(buyer.email(), "Your coupons", 60).size());
        }
        Thread.sleep(5000);
        for (Fixtures.Person buyer : buyers) {
            assertEquals(1, Mailbox.mails(buyer.email(), "Your coupons").size(), "exactly once");
        }
        assertTrue(
                Integer.parseInt(Buying.query(
                                        "SELECT MIN(attempts) FROM mail_outbox m JOIN account a ON a.email = m.recipient"
                                                + " WHERE a.id = ?",
                                        buyers.get(0).id())
                                .get(0)
                                .get(0))
                        > 1,
                "the first attempts failed and were retried");
    }
}
