package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The HTTP edge as clients other than the JDK's meet it (raw requests shaped like curl's): undo with a body on DELETE
 * or on the documented POST route, answers the server makes before the application (a body too large, a malformed
 * escape) as problem+json, what happens to a keep-alive connection after an error, and the headers of every answer.
 */
// Alongside other test classes (see deal-web's POM); its own tests one after another.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("HttpEdgeIT")
class HttpEdgeIT extends DeployedApp {

    private static final String JSON = "application/json";

    private Counter.Shop shop;

    @BeforeEach
    void shop() {
        shop = counter.shop("Edge " + System.nanoTime());
    }

    private RawHttp curl() {
        return new RawHttp(http.base());
    }

    private String redeemed(String code) {
        Reply redeemed = counter.redeem(shop.staffToken(), code, shop.first());
        assertEquals(201, redeemed.status(), redeemed::toString);
        return redeemed.json().getString("id");
    }

    private static byte[] reason(String text) {
        return Json.createObjectBuilder().add("reason", text).build().toString().getBytes(StandardCharsets.UTF_8);
    }

    private String status(String code) {
        return counter.lookup(shop.staffToken(), code, shop.first()).json().getString("status");
    }

    @Test
    void deleteWithAJsonBodyUndoesLikeCurlSendsIt() {
        assertUndoneBy("DELETE", "", JSON, reason("Wrong customer"));
    }

    @Test
    void deleteWithTheReasonInTheQueryUndoes() {
        assertUndoneBy("DELETE", "?reason=Wrong%20customer", null, null);
    }

    private RawHttp.Answer postUndo(RawHttp curl, String redemptionId, byte[] body) {
        return curl.send(
                "POST", "/api/v1/counter/redemptions/" + redemptionId + "/undo", shop.staffToken(), JSON, body);
    }

    /** A redeemed coupon is ACTIVE again after the request to its redemption's path plus {@code rest}. */
    private void assertUndoneBy(String method, String rest, String contentType, byte[] body) {
        String code = counter.coupons(shop.dealId(), 1).get(0);
        String id = redeemed(code);
        assertEquals("REDEEMED", status(code));
        try (RawHttp curl = curl()) {
            RawHttp.Answer undone =
                    curl.send(method, "/api/v1/counter/redemptions/" + id + rest, shop.staffToken(), contentType, body);
            assertEquals(204, undone.status(), undone::toString);
        }
        assertEquals("ACTIVE", status(code));
    }

    @Test
    void postUndoIsTheDocumentedRouteAndASecondUndoIsAConflict() {
        String code = counter.coupons(shop.dealId(), 1).get(0);
        String id = redeemed(code);
        try (RawHttp curl = curl()) {
            RawHttp.Answer noReason = postUndo(curl, id, "{}".getBytes(StandardCharsets.UTF_8));
            assertEquals(400, noReason.status(), noReason::toString);
        }
        assertEquals("REDEEMED", status(code), "a refused undo changes nothing");
        try (RawHttp curl = curl()) {
            RawHttp.Answer undone = postUndo(curl, id, reason("Wrong customer"));
            assertEquals(204, undone.status(), undone::toString);
            assertEquals("ACTIVE", status(code));

            // A 409 keeps the connection: the next request on it gets its full answer.
            RawHttp.Answer twice = postUndo(curl, id, reason("Again"));
            assertProblem(twice, 409, "already-undone");
            assertNotEquals("close", twice.header("Connection"));
            RawHttp.Answer next = curl.send(
                    "GET", "/api/v1/counter/redemptions?storeId=" + shop.first(), shop.staffToken(), null, null);
            assertEquals(200, next.status(), next::toString);
            assertTrue(next.body().contains("Wrong customer"), next::toString);
        }
        Reply listed = counter.today(shop.staffToken(), shop.first());
        assertEquals(
                "Wrong customer",
                listed.json().getJsonArray("items").getJsonObject(0).getString("undoReason"));
    }

    @Test
    void aBodyOverTheLimitIsA413ProblemAndTheConnectionIsClosedAfterIt() {
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        Arrays.fill(twoMegabytes, (byte) 'a');
        try (RawHttp curl = curl()) {
            RawHttp.Answer refused = curl.send("POST", "/api/v1/auth/tokens", null, JSON, twoMegabytes);
            assertProblem(refused, 413, "body-too-large");
            assertEquals("close", refused.header("Connection"), refused::toString);
            assertTrue(curl.closedByServer(), "the unread body leaves the connection unusable, and the server said so");
        }
        // Chunked, so that the size is not announced: read up to the limit, then refused the same way.
        try (RawHttp curl = curl()) {
            Map<String, String> headers = RawHttp.head(null, JSON, -1);
            headers.put("Transfer-Encoding", "chunked");
            byte[] chunk = ("200000\r\n" + "a".repeat(0x200000) + "\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            RawHttp.Answer refused = curl.send("POST", "/api/v1/auth/tokens", headers, chunk);
            assertProblem(refused, 413, "body-too-large");
        }
        // The next client is served as usual.
        try (RawHttp curl = curl()) {
            RawHttp.Answer login = curl.send(
                    "POST",
                    "/api/v1/auth/tokens",
                    null,
                    JSON,
                    Fixtures.credentials(shop.merchant().email(), Fixtures.PASSWORD)
                            .getBytes(StandardCharsets.UTF_8));
            assertEquals(201, login.status(), login::toString);
        }
    }

    @Test
    void aMalformedEscapeInTheQueryIsA400Problem() {
        for (String query : new String[] {"q=%zz", "q=%", "q=%F", "q=%FF", "q=%C0%AF"}) {
            try (RawHttp curl = curl()) {
                RawHttp.Answer bad = curl.send("GET", "/api/v1/catalog/deals?" + query, null, null, null);
                assertProblem(bad, 400, "malformed-uri");
                // A 400 closes the connection (the listener's rule, announced); a new one is served.
                assertEquals("close", bad.header("Connection"), bad::toString);
            }
            try (RawHttp curl = curl()) {
                RawHttp.Answer bad = curl.send("GET", "/deal.xhtml?id=" + query.substring(2), null, null, null);
                assertProblem(bad, 400, "malformed-uri");
            }
        }
        try (RawHttp curl = curl()) {
            RawHttp.Answer fine = curl.send("GET", "/api/v1/catalog/deals?q=Caf%C3%A9%20Lunch", null, null, null);
            assertEquals(200, fine.status(), fine::toString);
        }
    }

    @Test
    void aMalformedEscapeInThePathIsA400Problem() {
        for (String path : new String[] {
            "/api/v1/catalog/deals/%zz",
            "/api/v1/catalog/deals/%FF",
            "/api/v1/counter/coupons/AB%C0%AF",
            "/dea%zzl.xhtml",
            "/%",
            "/api/v1/catalog/deals%2"
        }) {
            try (RawHttp curl = curl()) {
                RawHttp.Answer bad = curl.send("GET", path + "?q=1", null, null, null);
                assertProblem(bad, 400, "malformed-uri");
                assertEquals("close", bad.header("Connection"), bad::toString);
            }
        }
        try (RawHttp curl = curl()) {
            RawHttp.Answer escaped = curl.send("GET", "/api/v1/catalog/deals/a%2Fb%20c", null, null, null);
            assertProblem(escaped, 404, "not-found");
        }
    }

    @Test
    void escapedDotSegmentsAreA400ProblemOnPagesAndOnTheApi() {
        for (String path : new String[] {
            "/merchant%2F..%2Flogin.xhtml",
            "/%2F..%2Fdeal.xhtml",
            "/a/%2E%2E/login.xhtml",
            "/counter/%2F..%2F..%2FWEB-INF%2Fweb.xml",
            "/api/v1/catalog/deals/..%2F..%2Fstores",
            "/merchant/..%5Cstores.xhtml"
        }) {
            try (RawHttp curl = curl()) {
                assertProblem(curl.send("GET", path, null, null, null), 400, "malformed-uri");
            }
        }
    }

    /**
     * The JDK's client asks to upgrade a plain connection to HTTP/2 (h2c) on its first request: with a 5,000-character
     * URL the listener answered that and every later request on the connection with an empty 431.
     */
    @Test
    void theJdkClientsUpgradeRequestWithALongUrlIsAnsweredAndTheConnectionGoesOn() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        assertEquals(HttpClient.Version.HTTP_2, client.version(), "the client's default: an h2c upgrade");
        HttpResponse<String> missing = client.send(
                HttpRequest.newBuilder(http.base().resolve("api/v1/catalog/deals/" + "A".repeat(5000)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode(), missing::body);
        assertTrue(missing.body().contains("/problems/not-found"), missing::body);
        HttpResponse<String> tooLong = client.send(
                HttpRequest.newBuilder(http.base().resolve("api/v1/catalog/deals/" + "A".repeat(9000)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(414, tooLong.statusCode(), tooLong::body);
        assertTrue(
                tooLong.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                tooLong::toString);
        assertTrue(tooLong.body().contains("/problems/uri-too-long"), tooLong::body);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> next = client.send(
                    HttpRequest.newBuilder(http.base().resolve("api/v1/catalog/deals?q=x"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, next.statusCode(), next::body);
        }
    }

    @Test
    void aNotFoundKeepsTheConnectionForTheNextRequest() {
        try (RawHttp curl = curl()) {
            RawHttp.Answer missing =
                    curl.send("GET", "/api/v1/catalog/deals/01AAAAAAAAAAAAAAAAAAAAAAAA", null, null, null);
            assertProblem(missing, 404, "not-found");
            RawHttp.Answer next = curl.send("GET", "/health/ready", null, null, null);
            assertEquals(200, next.status(), next::toString);
            RawHttp.Answer again = curl.send("GET", "/api/v1/catalog/deals?q=x", null, null, null);
            assertEquals(200, again.status(), again::toString);
        }
    }

    @Test
    void everyPageSendsTheSecurityHeaders() {
        try (RawHttp browser = curl()) {
            for (String page :
                    new String[] {"/", "/login.xhtml", "/deal.xhtml?id=" + shop.dealId(), "/api/v1/catalog/deals"}) {
                RawHttp.Answer answer = browser.send("GET", page, null, null, null);
                assertEquals(200, answer.status(), answer::toString);
                String csp = answer.header("Content-Security-Policy");
                assertNotNull(csp, page);
                assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
                assertTrue(csp.contains("frame-ancestors 'none'"), csp);
                assertEquals("no-referrer", answer.header("Referrer-Policy"), page);
                assertEquals("nosniff", answer.header("X-Content-Type-Options"), page);
                assertEquals("DENY", answer.header("X-Frame-Options"), page);
                if (page.endsWith(".xhtml") || page.equals("/")) {
                    assertFalse(
                            Pattern.compile("<script(?![^>]*\\ssrc=)", Pattern.CASE_INSENSITIVE)
                                    .matcher(answer.body())
                                    .find(),
                            page + " has an inline script");
                    assertFalse(
                            Pattern.compile("\\son[a-z]+=\"", Pattern.CASE_INSENSITIVE)
                                    .matcher(answer.body())
                                    .find(),
                            page + " has an inline handler");
                }
            }
        }
    }

    @Test
    void answersWithCouponCodesAreNotStored() {
        Fixtures.Person buyer = fixtures.buyer();
        Reply order = buying.buy(buyer, shop.dealId(), 1);
        assertEquals(201, order.status(), order::toString);
        String code = order.json().getJsonArray("coupons").getJsonObject(0).getString("code");
        try (RawHttp client = curl()) {
            for (String path : new String[] {
                "/api/v1/coupons", "/api/v1/coupons/" + code, "/api/v1/coupons/" + code + "/qr", "/api/v1/orders"
            }) {
                RawHttp.Answer answer = client.send("GET", path, buyer.token(), null, null);
                assertEquals(200, answer.status(), () -> path + " " + answer);
                assertEquals("no-store", answer.header("Cache-Control"), path);
            }
            RawHttp.Answer counterLookup = client.send(
                    "GET",
                    "/api/v1/counter/coupons/" + code + "?storeId=" + shop.first(),
                    shop.staffToken(),
                    null,
                    null);
            assertEquals("no-store", counterLookup.header("Cache-Control"));
            RawHttp.Answer catalog = client.send("GET", "/api/v1/catalog/deals", null, null, null);
            assertEquals(null, catalog.header("Cache-Control"), "the catalog shows no codes and may be cached");
        }
    }

    @Test
    void theSessionCookieIsSecureBehindATlsProxy() {
        try (RawHttp browser = curl()) {
            // A stale session cookie is removed; the removal carries the cookie's attributes.
            Map<String, String> plain = new LinkedHashMap<>(Map.of("Cookie", "gd_session=stale"));
            RawHttp.Answer direct = browser.send("GET", "/login.xhtml", plain, null);
            String removed = cookie(direct, "gd_session");
            assertTrue(removed.contains("HttpOnly") && removed.contains("SameSite=Lax"), removed);
            assertFalse(removed.contains("Secure"), "plain HTTP without a proxy: " + removed);
            assertFalse(cookie(direct, "JSESSIONID").contains("Secure"), "the container's session cookie: " + direct);

            Map<String, String> proxied =
                    new LinkedHashMap<>(Map.of("Cookie", "gd_session=stale", "X-Forwarded-Proto", "https"));
            RawHttp.Answer viaTls = browser.send("GET", "/login.xhtml", proxied, null);
            assertTrue(cookie(viaTls, "gd_session").contains("Secure"), viaTls::toString);
            // The container's session cookie (the page's view state) too, once: never also sent without Secure.
            String session = cookie(viaTls, "JSESSIONID");
            assertTrue(session.contains("; Secure") && session.contains("HttpOnly"), viaTls::toString);
            assertEquals(1, viaTls.header("Set-Cookie").split("JSESSIONID=", -1).length - 1, viaTls::toString);
        }
    }

    @Test
    void loggingOutThroughTheApiEndsTheHttpSession() {
        Fixtures.Person buyer = fixtures.buyer();
        try (RawHttp browser = curl()) {
            Map<String, String> jar = new LinkedHashMap<>();
            RawHttp.Answer login = browser.send("GET", "/login.xhtml", Map.of(), null);
            String session = sessionId(login);
            assertNotNull(session, () -> "the login page keeps its view state in a session: " + login);
            keep(jar, login);
            RawHttp.Answer kept = browser.send("GET", "/login.xhtml", Map.of("Cookie", cookies(jar)), null);
            assertEquals(null, sessionId(kept), "the session lives on while logged in");
            keep(jar, kept);

            Map<String, String> logout = RawHttp.head(buyer.token(), null, -1);
            logout.put("Cookie", cookies(jar));
            assertEquals(
                    204,
                    browser.send("DELETE", "/api/v1/auth/tokens/current", logout, null)
                            .status());

            RawHttp.Answer after = browser.send("GET", "/login.xhtml", Map.of("Cookie", cookies(jar)), null);
            String fresh = sessionId(after);
            assertNotNull(fresh, "the old session is gone, so the page starts a new one");
            assertNotEquals(session, fresh);
        }
    }

    /**
     * Keeps the session's cookies as a browser does: {@code JSESSIONID} and, for a distributable session, its
     * {@code JSESSIONIDVERSION}, each replaced by the latest the server set.
     */
    private static void keep(Map<String, String> jar, RawHttp.Answer answer) {
        String header = answer.header("Set-Cookie");
        if (header == null) {
            return;
        }
        for (String cookie : header.split(", (?=[A-Za-z_]+=)")) {
            String pair = cookie.split(";", 2)[0].strip();
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.startsWith("JSESSIONID")) {
                jar.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
    }

    private static String cookies(Map<String, String> jar) {
        return String.join(
                "; ",
                jar.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .toList());
    }

    private static String cookie(RawHttp.Answer answer, String name) {
        String header = answer.header("Set-Cookie");
        assertNotNull(header, answer::toString);
        return Arrays.stream(header.split(", (?=[A-Za-z_]+=)"))
                .filter(c -> c.startsWith(name + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + header));
    }

    private static String sessionId(RawHttp.Answer answer) {
        String header = answer.header("Set-Cookie");
        if (header == null) {
            return null;
        }
        Matcher m = Pattern.compile("JSESSIONID=([^;,]+)").matcher(header);
        return m.find() ? m.group(1) : null;
    }

    private static void assertProblem(RawHttp.Answer answer, int status, String name) {
        assertEquals(status, answer.status(), answer::toString);
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"), answer::toString);
        JsonObject problem = Json.createReader(new StringReader(answer.body())).readObject();
        assertEquals("/problems/" + name, problem.getString("type"), answer::toString);
        assertEquals(status, problem.getInt("status"));
        assertFalse(problem.getString("title").isBlank());
        assertFalse(problem.getString("detail").isBlank());
        assertFalse(answer.body().contains("Payara") || answer.toString().contains("Payara"), answer::toString);
        assertEquals("nosniff", answer.header("X-Content-Type-Options"), "a refusal carries the headers too");
    }
}
