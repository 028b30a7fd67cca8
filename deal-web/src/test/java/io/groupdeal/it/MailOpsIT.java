package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.application.mail.Outbox;
import io.groupdeal.devserver.ItMailServer;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The mail server on a bad day, and the operator's outbox: mails that failed for good are listed (never their body)
 * and sent again, each arriving once; sent mails are deleted after the retention, waiting and failed ones never;
 * purchases answer at once while the mail server hangs, and every confirmation arrives once when it is back.
 */
@org.junit.jupiter.api.extension.ExtendWith(LedgerAgrees.class)
// Alongside the API ITs that send mail but never read one, with the mail server to itself ("mail-server"): it stops
// the run's mail server, and lists and retries every failed mail, which no test but those holding the mail server
// does. The mails of the others that fail an attempt meanwhile are tried again later, as in production.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("mail-server")
// The first classes to start are those that mostly wait (@Order; the others follow in failsafe's order), so that their
// waits overlap the others' work instead of ending the parallel phase; this one first of them, before a class that
// reads mail takes a thread and holds it while it waits for the mail server.
@Order(2)
class MailOpsIT extends DeployedApp {

    /** DEAL_MAIL_MAX_ATTEMPTS of the ITs: the default. */
    private static final int MAX_ATTEMPTS = 20;

    private Fixtures.Merchant merchant;
    private String operator;

    @BeforeEach
    void setUp() {
        merchant = fixtures.merchantWithStore("Postal Pasta");
        operator = fixtures.token(Fixtures.DEMO_OPERATOR, Fixtures.DEMO_PASSWORD);
    }

    @Test
    void mailsThatFailedForGoodAreShownToTheOperatorAndSentAgainExactlyOnce() throws Exception {
        String dealId = buying.dealIdOnSale(merchant, "Undelivered Udon", d -> {});
        Fixtures.Person first = fixtures.buyer();
        Fixtures.Person second = fixtures.buyer();
        List<String> codes = new ArrayList<>();
        ItMailServer.stop();
        try {
            for (Fixtures.Person buyer : List.of(first, second)) {
                Reply order = buying.buy(buyer, dealId, 1);
                assertEquals(201, order.status(), order::toString);
                codes.add(order.json().getJsonArray("coupons").getJsonObject(0).getString("code"));
            }
            failForGood(first.email(), second.email());

            Reply failed = http.get("api/v1/platform/mails?status=FAILED&size=100", operator);
            assertEquals(200, failed.status(), failed::toString);
            for (Fixtures.Person buyer : List.of(first, second)) {
                JsonObject mail = mailOf(failed, buyer.email());
                assertEquals("FAILED", mail.getString("status"));
                assertEquals("Your coupons: Undelivered Udon", mail.getString("subject"));
                assertEquals(MAX_ATTEMPTS, mail.getInt("attempts"), "given up after the last attempt");
                assertEquals("The mail server could not be reached.", mail.getString("lastError"));
                assertTrue(mail.containsKey("createdAt") && mail.containsKey("id"), mail::toString);
            }
            for (String code : codes) {
                assertFalse(failed.body().contains(code), "the list never shows a body or a coupon code");
            }
            assertFalse(
                    failed.body().contains("127.0.0.1") || failed.body().contains("Exception"),
                    "nothing internal: " + failed.body());
            Reply chinese = http.send(
                    "GET",
                    "api/v1/platform/mails?status=FAILED&size=100",
                    null,
                    operator,
                    null,
                    java.util.Map.of("Accept-Language", "zh-CN"));
            assertEquals(
                    "无法连接邮件服务器。",
                    mailOf(chinese, first.email()).getString("lastError"),
                    "the reason in the reader's language");
            JsonObject page = failed.json();
            assertTrue(
                    page.containsKey("page") && page.containsKey("size") && page.getInt("total") >= 2, page::toString);

            String html = page("platform/mails.xhtml?status=FAILED", operator);
            assertTrue(html.contains(first.email()) && html.contains("The mail server could not be reached."), html);
            assertTrue(
                    html.contains("Send all failed mails again") && html.contains("/platform/mails.xhtml"),
                    "the button and the link");
            for (String code : codes) {
                assertFalse(html.contains(code), "the page never shows a coupon code");
            }
        } finally {
            ItMailServer.start();
        }
        Thread.sleep(4000);
        assertEquals(
                0,
                Mailbox.mails(first.email(), "Your coupons").size(),
                "a failed mail stays failed until the operator acts");

        String firstId = mailOf(http.get("api/v1/platform/mails?status=FAILED&size=100", operator), first.email())
                .getString("id");
        Reply retried = http.post("api/v1/platform/mails/" + firstId + "/retry", null, operator);
        assertEquals(200, retried.status(), retried::toString);
        assertEquals(0, retried.json().getInt("attempts"), "attempts counted from 0 again");
        Reply again = http.post("api/v1/platform/mails/" + firstId + "/retry", null, operator);
        assertEquals(409, again.status(), again::toString);
        assertEquals("mail-not-failed", again.problem());
        Reply all = http.post("api/v1/platform/mails/retry", null, operator);
        assertEquals(200, all.status(), all::toString);
        assertTrue(all.json().getInt("retried") >= 1, all::toString);

        for (Fixtures.Person buyer : List.of(first, second)) {
            assertEquals(1, Mailbox.awaitMail(buyer.email(), "Your coupons", 60).size());
        }
        Thread.sleep(5000);
        for (Fixtures.Person buyer : List.of(first, second)) {
            assertEquals(1, Mailbox.mails(buyer.email(), "Your coupons").size(), "exactly once");
            assertEquals(
                    "SENT",
                    mailOf(http.get("api/v1/platform/mails?status=SENT&size=100", operator), buyer.email())
                            .getString("status"));
        }
    }

    /**
     * The purchase queues only the confirmation's cause (recipient and subject, no body); the delivery writes the mail,
     * and it says what the order was when it was paid: a PENDING order whose deal tipped before the mail went out is
     * still "Order received" (the tipping has its own mail), with the codes the purchase answered.
     */
    @Test
    void theConfirmationIsWrittenAtDeliveryAsTheOrderWasWhenPaid() throws Exception {
        String dealId = buying.dealIdOnSale(merchant, "Deferred Dumplings", d -> d.add("minBuyers", 2));
        Fixtures.Person early = fixtures.buyer();
        Fixtures.Person tipping = fixtures.buyer();
        JsonObject pending;
        JsonObject confirmed;
        ItMailServer.stop();
        try {
            pending = buying.buy(early, dealId, 1).json();
            assertEquals("PENDING", pending.getString("status"), pending::toString);
            List<List<String>> queued = Buying.query(
                    "SELECT text_body IS NULL AND html_body IS NULL AND qr_codes IS NULL,"
                            + " subject, render, cause_key FROM mail_outbox WHERE recipient = ?",
                    early.email());
            assertEquals(1, queued.size(), queued::toString);
            assertEquals(
                    List.of(
                            "1",
                            "Order received: Deferred Dumplings",
                            "PENDING",
                            "order-confirmed:" + pending.getString("id")),
                    queued.get(0),
                    "only the cause is written in the purchase");

            confirmed = buying.buy(tipping, dealId, 1).json();
            assertEquals("CONFIRMED", confirmed.getString("status"), "the second order tips the deal");
            buying.awaitOrder(early, pending.getString("id"), "CONFIRMED", 30);
            assertEquals(
                    "CONFIRMED",
                    http.get("api/v1/orders/" + pending.getString("id"), early.token())
                            .json()
                            .getString("status"),
                    "the early order is captured before its confirmation is sent");
        } finally {
            ItMailServer.start();
        }
        Buying.update(
                "UPDATE mail_outbox SET next_attempt_at = UTC_TIMESTAMP(6) WHERE recipient IN (?, ?) AND status = 'PENDING'",
                early.email(),
                tipping.email());

        List<MimeMessage> received = Mailbox.awaitMail(early.email(), "Order received: Deferred Dumplings", 60);
        assertEquals(1, received.size(), "the confirmation as it was when the order was paid");
        String text = Mailbox.part(received.get(0), "text/plain");
        String code = pending.getJsonArray("coupons").getJsonObject(0).getString("code");
        assertTrue(text.startsWith("Hello Test Buyer,"), text);
        assertTrue(
                text.contains("is only reserved on your card")
                        && text.contains(code)
                        && text.contains("Order " + pending.getString("id"))
                        && text.contains("Postal Pasta Mitte"),
                text);
        assertTrue(Mailbox.part(received.get(0), "text/html").contains(code));
        assertEquals(1, Mailbox.images(received.get(0)), "its coupon's QR image");
        assertEquals(0, Mailbox.mails(early.email(), "Your coupons").size());

        List<MimeMessage> paid = Mailbox.awaitMail(tipping.email(), "Your coupons: Deferred Dumplings", 60);
        assertEquals(1, paid.size());
        String paidText = Mailbox.part(paid.get(0), "text/plain");
        assertTrue(
                paidText.contains("We charged")
                        && paidText.contains(confirmed
                                .getJsonArray("coupons")
                                .getJsonObject(0)
                                .getString("code")),
                paidText);
        awaitStatus(early.email(), "SENT");
        Thread.sleep(4000);
        assertEquals(1, Mailbox.mails(early.email(), "Order received").size(), "exactly once");
        assertEquals(1, Mailbox.mails(tipping.email(), "Your coupons").size(), "exactly once");
    }

    @Test
    void theOutboxRefusesBadRequestsAndOtherRoles() {
        Reply unknownStatus = http.get("api/v1/platform/mails?status=LOST", operator);
        assertEquals(400, unknownStatus.status(), unknownStatus::toString);
        assertTrue(unknownStatus.contentType().startsWith("application/problem+json"));
        assertEquals(400, http.get("api/v1/platform/mails?page=-1", operator).status());
        Reply badSize = http.get("api/v1/platform/mails?size=abc", operator);
        assertEquals(400, badSize.status(), badSize::toString);
        assertEquals("validation", badSize.problem());
        assertEquals(
                "size", badSize.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Reply missing = http.post("api/v1/platform/mails/01AAAAAAAAAAAAAAAAAAAAAAAA/retry", null, operator);
        assertEquals(404, missing.status(), missing::toString);
        assertEquals(
                404,
                http.post("api/v1/platform/mails/not-an-id'%20OR%201=1/retry", null, operator)
                        .status());
        Reply merchantTries = http.get("api/v1/platform/mails", merchant.token());
        assertEquals(403, merchantTries.status(), merchantTries::toString);
        assertEquals(
                403,
                http.post("api/v1/platform/mails/retry", null, merchant.token()).status());
    }

    @Test
    void sentMailsAreDeletedAfterTheRetentionAndWaitingOrFailedOnesNever() throws Exception {
        String dealId = buying.dealIdOnSale(merchant, "Retained Ravioli", d -> {});
        List<Fixtures.Person> buyers = List.of(fixtures.buyer(), fixtures.buyer(), fixtures.buyer(), fixtures.buyer());
        for (Fixtures.Person buyer : buyers) {
            assertEquals(201, buying.buy(buyer, dealId, 1).status());
        }
        for (Fixtures.Person buyer : buyers) {
            assertEquals(1, Mailbox.awaitMail(buyer.email(), "Your coupons", 60).size());
        }
        awaitStatus(buyers.get(0).email(), "SENT");
        awaitStatus(buyers.get(3).email(), "SENT");
        String old = "UTC_TIMESTAMP(6) - INTERVAL 31 DAY";
        // Sent 31 days ago: past the default retention of 30 days.
        Buying.update(
                "UPDATE mail_outbox SET created_at = " + old + ", sent_at = " + old + " WHERE recipient = ?",
                buyers.get(0).email());
        // Written 31 days ago and still waiting for an attempt (its server was down that long), or failed for good.
        Buying.update(
                "UPDATE mail_outbox SET status = 'PENDING', sent_at = NULL, created_at = " + old + ", next_attempt_at ="
                        + " UTC_TIMESTAMP(6) + INTERVAL 1 DAY WHERE recipient = ?",
                buyers.get(1).email());
        Buying.update(
                "UPDATE mail_outbox SET status = 'FAILED', sent_at = NULL, created_at = " + old
                        + " WHERE recipient = ?",
                buyers.get(2).email());
        // Sent 29 days ago: within the retention.
        Buying.update(
                "UPDATE mail_outbox SET created_at = UTC_TIMESTAMP(6) - INTERVAL 29 DAY, sent_at = UTC_TIMESTAMP(6)"
                        + " - INTERVAL 29 DAY WHERE recipient = ?",
                buyers.get(3).email());

        long deadline = System.currentTimeMillis() + 60_000;
        while (rows(buyers.get(0).email()) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
        }
        assertEquals(0, rows(buyers.get(0).email()), "a mail sent 31 days ago is deleted");
        assertEquals(1, rows(buyers.get(1).email()), "a waiting mail is kept, however old");
        assertEquals(1, rows(buyers.get(2).email()), "a failed mail is kept for the operator, however old");
        assertEquals(1, rows(buyers.get(3).email()), "a mail sent 29 days ago is kept");
        Buying.update(
                "UPDATE mail_outbox SET status = 'SENT', sent_at = UTC_TIMESTAMP(6) WHERE recipient IN (?, ?)",
                buyers.get(1).email(),
                buyers.get(2).email());
    }

    /**
     * A mail server that accepts connections and then never says a word: a purchase that waited on it would take the
     * SMTP read timeout (10 s). Every purchase must answer 201 within {@value #PURCHASE_BOUND_MILLIS} ms, and every
     * confirmation arrive exactly once when the server is back.
     */
    @Test
    void purchasesAnswerAtOnceWhileTheMailServerHangsAndEveryMailArrivesOnceWhenItIsBack() throws Exception {
        int buyersCount = 10;
        String dealId = buying.dealIdOnSale(merchant, "Silent Spaghetti", d -> d.add("maxQuantity", 500));
        List<Fixtures.Person> buyers = new ArrayList<>();
        for (int i = 0; i < buyersCount; i++) {
            buyers.add(fixtures.buyer());
        }
        List<Long> millis = new CopyOnWriteArrayList<>();
        List<Reply> orders;
        ItMailServer.stop();
        try (HungMailServer hung =
                new HungMailServer(Integer.parseInt(System.getProperty(ItMailServer.PORT_PROPERTY)))) {
            List<Callable<Reply>> purchases = buyers.stream()
                    .map(buyer -> (Callable<Reply>) () -> {
                        long start = System.nanoTime();
                        Reply reply = http.order(
                                Buying.order(dealId, 1, "tok_ok"),
                                buyer.token(),
                                UUID.randomUUID().toString());
                        millis.add((System.nanoTime() - start) / 1_000_000);
                        return reply;
                    })
                    .toList();
            orders = Buying.inParallel(buyersCount, purchases);
            for (int i = 0; i < 40 && hung.connections() == 0; i++) {
                Thread.sleep(250);
            }
            assertTrue(hung.connections() > 0, "the delivery job did try the hung server");
            assertTrue(
                    claimedNow() > 0,
                    "the mail being sent was claimed in a transaction of its own, committed before it went out:"
                            + " a transaction around the whole run would hide the claim and lose it with the run");
        } finally {
            ItMailServer.start();
        }
        for (Reply order : orders) {
            assertEquals(201, order.status(), order::toString);
        }
        long slowest = millis.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(
                slowest < PURCHASE_BOUND_MILLIS,
                "purchases never wait on the mail server: slowest " + slowest + " ms of " + millis);

        for (Fixtures.Person buyer : buyers) {
            assertEquals(
                    1, Mailbox.awaitMail(buyer.email(), "Your coupons", 120).size(), buyer.email());
        }
        Thread.sleep(5000);
        for (int i = 0; i < buyersCount; i++) {
            List<MimeMessage> received = Mailbox.mails(buyers.get(i).email(), "Your coupons");
            assertEquals(1, received.size(), "exactly once");
            String orderId = orders.get(i).json().getString("id");
            assertTrue(
                    Mailbox.part(received.get(0), "text/plain").contains("Order " + orderId),
                    "the mail of the buyer's own order");
        }
    }

    private static final long PURCHASE_BOUND_MILLIS = 5000;

    /**
     * The mails whose claim other connections see now: leased by an attempt that began within the last 20 s, whoever's
     * mail it is (the delivery job may be held by another class's). A failed attempt's wait reaches as far ahead only
     * after seven failures in a row (1 s doubling), so it cannot pass for a claim here.
     */
    private static long claimedNow() throws Exception {
        long lease = Outbox.LEASE_SECONDS;
        return Long.parseLong(Buying.query(
                        "SELECT COUNT(*) FROM mail_outbox WHERE status = 'PENDING' AND attempts > 0"
                                + " AND next_attempt_at > UTC_TIMESTAMP(6) + INTERVAL ? SECOND"
                                + " AND next_attempt_at <= UTC_TIMESTAMP(6) + INTERVAL ? SECOND",
                        lease - 20,
                        lease + 1)
                .get(0)
                .get(0));
    }

    /** Plays mails failing for good: each failed attempt brings them to the last attempt, until they are FAILED. */
    private void failForGood(String... recipients) throws Exception {
        String in = String.join(", ", java.util.Collections.nCopies(recipients.length, "?"));
        Object[] ids =
                Buying.query("SELECT id FROM mail_outbox WHERE recipient IN (" + in + ")", (Object[]) recipients)
                        .stream()
                        .map(row -> row.get(0))
                        .toArray();
        assertEquals(recipients.length, ids.length, "one mail per recipient");
        String idsIn = String.join(", ", java.util.Collections.nCopies(ids.length, "?"));
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            // By primary key (no scan that locks the senders' rows). Only rows not held by an attempt now (a claimed
            // row is leased 120 s ahead), unless a failed attempt put it an hour ahead: then it is brought back to now.
            Buying.update(
                    "UPDATE mail_outbox SET attempts = " + (MAX_ATTEMPTS - 1) + ", next_attempt_at = UTC_TIMESTAMP(6)"
                            + " WHERE id IN (" + idsIn
                            + ") AND status = 'PENDING' AND (next_attempt_at <= UTC_TIMESTAMP(6)"
                            + " + INTERVAL 60 SECOND OR next_attempt_at > UTC_TIMESTAMP(6) + INTERVAL 10 MINUTE)",
                    ids);
            long failed = Long.parseLong(Buying.query(
                            "SELECT COUNT(*) FROM mail_outbox WHERE status = 'FAILED' AND id IN (" + idsIn + ")", ids)
                    .get(0)
                    .get(0));
            if (failed == ids.length) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the mails did not fail for good within 90 s");
    }

    private static JsonObject mailOf(Reply list, String recipient) {
        return list.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("recipient").equals(recipient))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no mail to " + recipient + " in " + list));
    }

    private static long rows(String recipient) throws Exception {
        return Long.parseLong(Buying.query("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", recipient)
                .get(0)
                .get(0));
    }

    private void awaitStatus(String recipient, String status) throws Exception {
        for (int i = 0; i < 60; i++) {
            if (!Buying.query("SELECT id FROM mail_outbox WHERE recipient = ? AND status = ?", recipient, status)
                    .isEmpty()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the mail to " + recipient + " is not " + status);
    }

    private String page(String path, String token) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(http.base().resolve(path))
                        .header("Cookie", "gd_session=" + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        return response.body();
    }

    /** Listens on the mail server's port, accepts every connection and never answers. */
    private static final class HungMailServer implements AutoCloseable {

        private final ServerSocket socket;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        HungMailServer(int port) throws IOException {
            socket = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
            Thread acceptor = new Thread(
                    () -> {
                        while (!socket.isClosed()) {
                            try {
                                accepted.add(socket.accept());
                            } catch (IOException closed) {
                                return;
                            }
                        }
                    },
                    "hung-mail-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int connections() {
            return accepted.size();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
