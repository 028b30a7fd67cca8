package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.application.payment.GatewayUnreachable;
import io.groupdeal.application.payment.Payment;
import io.groupdeal.application.payment.SandboxGateway;
import io.groupdeal.devserver.ItSandbox;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The payment sandbox of the deployed product as a provider's client sees it: over its own HTTP port (the one the
 * build chose, {@code deal.it.sandbox.port}), every token and every key rule, its books in {@code sandbox_payment} and
 * {@code sandbox_refund}, and a purchase of the product paid through it.
 */
// Alongside other test classes (see deal-web's POM); its own tests one after another.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("SandboxGatewayIT")
class SandboxGatewayIT extends DeployedApp {

    private static final HttpClient RAW = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private SandboxGateway gateway;

    @BeforeEach
    void client() {
        gateway = SandboxGateway.at(ItSandbox.address(), Duration.ofSeconds(2));
    }

    @Test
    void eachTokenAnswersAsAProviderWouldAndAKnownKeyAnswersItsPayment() throws Exception {
        String key = key();
        HttpResponse<String> first = authorise(key, "tok_ok", "12.500", false);
        assertEquals(201, first.statusCode(), first::body);
        JsonObject payment = json(first);
        assertEquals("AUTHORISED", payment.getString("state"));
        assertEquals(key, payment.getString("key"));

        HttpResponse<String> again = authorise(key, "tok_declined", "99.000", true);
        assertEquals(200, again.statusCode(), again::body);
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(payment, json(again), "the stored payment, whatever the token and amount");

        assertEquals(
                "DECLINED",
                json(authorise(key(), "tok_declined", "12.500", false)).getString("state"));
        assertEquals(
                "DECLINED",
                json(authorise(key(), "tok_visa_4242", "12.500", false)).getString("state"),
                "unknown card");
        String failed = key();
        assertEquals(
                "FAILED", json(authorise(failed, "tok_error", "12.500", false)).getString("state"));
        assertEquals(
                "FAILED",
                json(authorise(failed, "tok_ok", "12.500", false)).getString("state"),
                "remembered under the key");
        assertEquals(
                List.of(List.of("1", "0.000")),
                Buying.query(
                        "SELECT COUNT(*), COALESCE(SUM(captured), 0)" + " FROM sandbox_payment WHERE payment_key = ?",
                        failed));

        HttpResponse<String> noKey = RAW.send(
                HttpRequest.newBuilder(ItSandbox.address().resolve("/payments"))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"token\":\"tok_ok\",\"amount\":1,\"currency\":\"EUR\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, noKey.statusCode(), "no Idempotency-Key, no payment");
        assertEquals(
                "application/problem+json",
                noKey.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void parallelAuthorisesWithOneKeyMakeOnePayment() throws Exception {
        String key = key();
        List<Callable<HttpResponse<String>>> calls =
                Collections.nCopies(20, () -> authorise(key, "tok_ok", "5.000", true));
        List<HttpResponse<String>> answers = inParallel(calls);
        assertEquals(1, answers.stream().filter(a -> a.statusCode() == 201).count(), "one call made the payment");
        assertEquals(
                1,
                answers.stream().map(a -> json(a).getString("ref")).distinct().count());
        assertEquals(
                List.of(List.of("1", "5.000")),
                Buying.query("SELECT COUNT(*), SUM(captured) FROM sandbox_payment" + " WHERE payment_key = ?", key));
    }

    @Test
    void aTimeoutLeavesTheClientUnansweredWhileTheMoneyMoved() {
        String key = key();
        assertThrows(
                GatewayUnreachable.class,
                () -> gateway.authorise(key, "tok_timeout", new BigDecimal("8.000"), "EUR", false));
        Payment charged = gateway.find(key).orElseThrow(() -> new AssertionError("find shows the charge"));
        assertEquals(Payment.State.AUTHORISED, charged.state());
        assertEquals(0, new BigDecimal("8").compareTo(charged.amount()));
        assertEquals(
                charged,
                gateway.authorise(key, "tok_ok", new BigDecimal("8.000"), "EUR", false),
                "the retry with the key answers that charge and makes no second one");
    }

    @Test
    void aCancelWhileASlowAuthoriseWaitsBarsTheKey() throws Exception {
        String key = key();
        long start = System.nanoTime();
        assertThrows(
                GatewayUnreachable.class,
                () -> gateway.authorise(key, "tok_slow", new BigDecimal("3.000"), "EUR", true));
        assertTrue(gateway.find(key).isEmpty(), "nothing happens before the 10 s are over");
        Payment barred = gateway.cancel(key);
        assertEquals(Payment.State.VOIDED, barred.state());
        Thread.sleep(Math.max(
                0, Duration.ofSeconds(11).minusNanos(System.nanoTime() - start).toMillis()));
        assertEquals(
                List.of(List.of("VOIDED", "0.000", "0.000")),
                Buying.query("SELECT state, amount, captured" + " FROM sandbox_payment WHERE payment_key = ?", key),
                "the slow authorise came after the cancel: no charge");

        String served = key();
        Payment late = SandboxGateway.at(ItSandbox.address(), Duration.ofSeconds(30))
                .authorise(served, "tok_slow", new BigDecimal("3.000"), "EUR", true);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() >= 20, "answered after its 10 s");
        assertEquals(Payment.State.CAPTURED, late.state(), "without a cancel, the slow one is processed");
    }

    @Test
    void captureCancelAndRefundKeepTheirRules() throws Exception {
        Payment authorised = gateway.authorise(key(), "tok_ok", new BigDecimal("30.000"), "EUR", false);
        Payment captured = gateway.capture(authorised.ref());
        assertEquals(Payment.State.CAPTURED, captured.state());
        assertEquals(captured, gateway.capture(authorised.ref()), "captured once");
        assertEquals(captured, gateway.cancel(authorised.key()), "a capture is not voided");

        Payment once = gateway.refund(captured.ref(), new BigDecimal("10.000"), "coupon-a");
        assertEquals(once, gateway.refund(captured.ref(), new BigDecimal("10.000"), "coupon-a"), "once per reference");
        HttpResponse<String> beyond = RAW.send(
                HttpRequest.newBuilder(ItSandbox.address().resolve("/payments/" + captured.ref() + "/refunds"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":20.001,\"reference\":\"coupon-b\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(409, beyond.statusCode(), beyond::body);
        assertThrows(
                IllegalStateException.class,
                () -> gateway.refund(captured.ref(), new BigDecimal("20.001"), "coupon-b"));
        assertEquals(
                List.of(List.of("1", "10.000")),
                Buying.query(
                        "SELECT COUNT(*), SUM(f.amount) FROM sandbox_refund f" + " WHERE f.ref = ?", captured.ref()));

        String voidedKey = key();
        Payment voided = gateway.authorise(voidedKey, "tok_ok", BigDecimal.TEN, "EUR", false);
        assertEquals(Payment.State.VOIDED, gateway.cancel(voidedKey).state());
        assertThrows(
                IllegalStateException.class, () -> gateway.capture(voided.ref()), "a voided payment is not captured");

        String barredKey = key();
        assertEquals(Payment.State.VOIDED, gateway.cancel(barredKey).state());
        assertEquals(
                Payment.State.VOIDED,
                gateway.authorise(barredKey, "tok_ok", BigDecimal.TEN, "EUR", true)
                        .state(),
                "a barred key never charges");
    }

    @Test
    void aPurchaseOfTheProductIsPaidThroughTheSandboxUnderTheOrdersId() throws Exception {
        Fixtures.Merchant merchant = fixtures.merchantWithStore("Sandbox Sushi");
        String dealId = buying.dealIdOnSale(merchant, "Sandbox Sashimi", d -> d.add("minBuyers", 100));
        Fixtures.Person buyer = fixtures.buyer();
        Reply placed = buying.buy(buyer, dealId, 2);
        assertEquals(201, placed.status(), placed::toString);
        JsonObject order = placed.json();
        Payment payment =
                gateway.find(order.getString("id")).orElseThrow(() -> new AssertionError("no payment under the order"));
        assertEquals(Payment.State.AUTHORISED, payment.state());
        assertEquals(0, new BigDecimal(order.getString("amount")).compareTo(payment.amount()), order::toString);
    }

    private static HttpResponse<String> authorise(String key, String token, String amount, boolean capture)
            throws IOException, InterruptedException {
        String body = "{\"token\":\"" + token + "\",\"amount\":" + amount + ",\"currency\":\"EUR\",\"capture\":"
                + capture + "}";
        return RAW.send(
                HttpRequest.newBuilder(ItSandbox.address().resolve("/payments"))
                        .header("Idempotency-Key", key)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> answer) {
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    private static String key() {
        return "it-" + UUID.randomUUID();
    }

    private static <T> List<T> inParallel(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
