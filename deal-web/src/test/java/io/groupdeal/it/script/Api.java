package io.groupdeal.it.script;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The product's REST API as the driver programs call it on 127.0.0.1: a request with its bearer token and
 * Idempotency-Key, each with a client timeout, and the few calls their set-up makes (a merchant whose deals need no
 * moderation, a store, a published deal). JSON is read by pattern, as the programs only need ids and problem names.
 */
public final class Api {

    public static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    public static final Pattern TENANT_ID = Pattern.compile("\"tenantId\"\\s*:\\s*\"([^\"]+)\"");
    public static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PROBLEM = Pattern.compile("\"/problems/([a-z-]+)\"");

    /** One answer: its status, body, Content-Type, Retry-After (null when none) and how long it took. */
    public record Reply(int status, String body, String contentType, String retryAfter, long millis) {

        /** Whether the answer is the problem {@code /problems/name}. */
        public boolean problem(String name) {
            return body.contains("\"/problems/" + name + "\"");
        }

        /** The problem's name, or the body abbreviated when it is no problem. */
        public String problemName() {
            Matcher m = PROBLEM.matcher(body);
            return m.find() ? m.group(1) : Checks.abbreviate(body, 200);
        }
    }

    private final HttpClient http;

    public Api(HttpClient http) {
        this.http = http;
    }

    /** A request to the server on {@code port}; {@code token}, {@code key} and {@code body} are left out when null. */
    public Reply send(int port, String method, String path, String token, String key, String body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(timeout)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Retry-After").orElse(null),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The reply when its status is {@code status}; else the set-up step {@code what} failed. */
    public static Reply expect(Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new IllegalStateException(
                    what + ": expected " + status + ", got " + reply.status() + " " + reply.body());
        }
        return reply;
    }

    /** The first group of the pattern's first match in the text, or null. */
    public static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** The bearer token of a login. */
    public String login(int port, String email, String password, Duration timeout) throws Exception {
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
        return first(
                TOKEN,
                expect(send(port, "POST", "/api/v1/auth/tokens", null, null, credentials, timeout), 201, "login")
                        .body());
    }

    /**
     * A new business whose deals go on sale without moderation, as the ITs' fixtures make theirs: the merchant signs
     * up, the operator the product was started with lets the business publish straight away, the merchant logs in.
     * Answers the merchant's bearer token.
     */
    public String unmoderatedMerchant(
            int port, String businessName, String email, String password, Account operator, Duration timeout)
            throws Exception {
        Reply signup = expect(
                send(
                        port,
                        "POST",
                        "/api/v1/merchants",
                        null,
                        null,
                        "{\"businessName\":\"" + businessName + "\",\"email\":\"" + email + "\",\"password\":\""
                                + password + "\"}",
                        timeout),
                201,
                "merchant signup");
        String operatorToken = login(port, operator.email(), operator.password(), timeout);
        expect(
                send(
                        port,
                        "PUT",
                        "/api/v1/platform/tenants/" + first(TENANT_ID, signup.body()),
                        operatorToken,
                        null,
                        "{\"moderated\":false}",
                        timeout),
                200,
                "moderation off");
        return login(port, email, password, timeout);
    }

    /** An e-mail address and its password. */
    public record Account(String email, String password) {}

    /** A store in Berlin; answers its id. */
    public String store(int port, String token, String name, Duration timeout) throws Exception {
        String body = "{\"name\":\"" + name + "\",\"address\":\"Teststr. 1, 10115 Berlin\",\"latitude\":52.52,"
                + "\"longitude\":13.40,\"timeZone\":\"Europe/Berlin\"}";
        return first(
                ID,
                expect(send(port, "POST", "/api/v1/stores", token, null, body, timeout), 201, "store")
                        .body());
    }

    /** A draft deal at 9.90 EUR, on sale from an hour ago for two days once published; answers its id. */
    public String draft(int port, String token, DealShape shape, Duration timeout) throws Exception {
        return first(
                ID,
                expect(send(port, "POST", "/api/v1/deals", token, null, shape.json(), timeout), 201, "deal")
                        .body());
    }

    /** A deal as {@link #draft}, published: on sale now; answers its id. */
    public String published(int port, String token, DealShape shape, Duration timeout) throws Exception {
        String id = draft(port, token, shape, timeout);
        expect(send(port, "POST", "/api/v1/deals/" + id + "/publish", token, null, null, timeout), 200, "publish");
        return id;
    }

    /** What the driver programs' deals differ in. */
    public record DealShape(String title, String description, int minBuyers, int maxQuantity, int perBuyerLimit) {

        String json() {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            return "{\"title\":\"" + title + "\",\"description\":\"" + description + "\",\"finePrint\":\"None.\","
                    + "\"currency\":\"EUR\",\"price\":\"9.90\",\"originalValue\":\"20.00\",\"minBuyers\":" + minBuyers
                    + ",\"maxQuantity\":" + maxQuantity + ",\"perBuyerLimit\":" + perBuyerLimit
                    + ",\"salesStart\":\"" + now.minus(1, ChronoUnit.HOURS) + "\",\"salesEnd\":\""
                    + now.plus(2, ChronoUnit.DAYS) + "\",\"couponValidUntil\":\"" + now.plus(40, ChronoUnit.DAYS)
                    + "\",\"storeIds\":[],\"refundPolicy\":\"ANYTIME\"}";
        }
    }

    /** The body of an order of {@code quantity} of the deal, paid with the sandbox's {@code paymentToken}. */
    public static String orderBody(String dealId, int quantity, String paymentToken) {
        return "{\"dealId\":\"" + dealId + "\",\"quantity\":" + quantity + ",\"paymentToken\":\"" + paymentToken
                + "\"}";
    }
}
