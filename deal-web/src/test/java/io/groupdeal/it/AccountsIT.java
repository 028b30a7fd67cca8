package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Sign-up, login, tokens, /me, logout, suspension, the operator's tenant list with its figures: as a client sees them,
 * and as the database stores them.
 */
@org.junit.jupiter.api.extension.ExtendWith(LedgerAgrees.class)
// Alongside other test classes (see deal-web's POM); its own tests one after another.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("AccountsIT")
class AccountsIT extends DeployedApp {

    @Test
    void merchantSignupCreatesTenantAndAdmin() {
        String email = Fixtures.uniqueEmail("owner");
        Reply signup = http.post(
                "api/v1/merchants",
                Json.createObjectBuilder()
                        .add("businessName", "  Dumpling House ")
                        .add("email", email.toUpperCase())
                        .add("password", Fixtures.PASSWORD)
                        .build()
                        .toString(),
                null);
        assertEquals(201, signup.status(), signup::toString);
        JsonObject tenant = signup.json();
        assertEquals("Dumpling House", tenant.getString("businessName"));
        assertEquals("ACTIVE", tenant.getString("status"));

        Reply login = http.post("api/v1/auth/tokens", Fixtures.credentials(email, Fixtures.PASSWORD), null);
        assertEquals(201, login.status(), login::toString);
        assertEquals("MERCHANT_ADMIN", login.json().getString("role"));
        assertEquals(tenant.getString("tenantId"), login.json().getString("tenantId"));
        assertFalse(login.json().getString("expiresAt").isBlank());

        JsonObject me = http.get("api/v1/me", login.json().getString("token")).json();
        assertEquals(email, me.getString("email"));
        assertEquals("MERCHANT_ADMIN", me.getString("role"));
        assertEquals(tenant.getString("tenantId"), me.getString("tenantId"));
    }

    @Test
    void emailIsTakenOnceAcrossMerchantsAndBuyers() {
        Fixtures.Person buyer = fixtures.buyer();
        Reply again = http.post(
                "api/v1/merchants",
                Json.createObjectBuilder()
                        .add("businessName", "Copycat")
                        .add("email", buyer.email())
                        .add("password", Fixtures.PASSWORD)
                        .build()
                        .toString(),
                null);
        assertEquals(409, again.status());
        assertEquals("email-taken", again.problem());
        assertTrue(again.contentType().startsWith("application/problem+json"));
    }

    @Test
    void parallelSignupsWithOneEmailMakeOneAccount() throws Exception {
        String email = Fixtures.uniqueEmail("race");
        String body = Json.createObjectBuilder()
                .add("email", email)
                .add("password", Fixtures.PASSWORD)
                .add("name", "Racer")
                .build()
                .toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> http.post("api/v1/buyers", body, null));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Reply> f : pool.invokeAll(calls)) {
                statuses.add(f.get().status());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
            assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses::toString);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("SELECT COUNT(*) FROM account WHERE email = ?", email));
    }

    @Test
    void wrongPasswordAndUnknownEmailAnswerTheSame() {
        Fixtures.Person buyer = fixtures.buyer();
        Reply wrong = http.post("api/v1/auth/tokens", Fixtures.credentials(buyer.email(), "not-the-password"), null);
        Reply unknown = http.post(
                "api/v1/auth/tokens", Fixtures.credentials(Fixtures.uniqueEmail("nobody"), "not-the-password"), null);
        assertEquals(401, wrong.status());
        assertEquals(wrong.status(), unknown.status());
        assertEquals(wrong.body(), unknown.body());
        assertEquals("bad-credentials", unknown.problem());
    }

    @Test
    void onlyHashesOfPasswordsAndTokensAreStored() throws Exception {
        Fixtures.Person buyer = fixtures.buyer();
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(buyer.token().getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, count("SELECT COUNT(*) FROM access_token WHERE token_hash = ?", hash));
        assertEquals(0, count("SELECT COUNT(*) FROM access_token WHERE token_hash = ?", buyer.token()));
        try (Connection c = database();
                PreparedStatement s = c.prepareStatement("SELECT password_hash FROM account WHERE email = ?")) {
            s.setString(1, buyer.email());
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                String stored = rs.getString(1);
                // the IT server's iterations (ItServer); a server with the default's 600,000: HashingFloodIT
                assertTrue(stored.matches("PBKDF2WithHmacSHA256:1024:[A-Za-z0-9+/]+=*:[A-Za-z0-9+/]+=*"), stored);
                assertFalse(stored.contains(Fixtures.PASSWORD));
            }
        }
    }

    @Test
    void shortPasswordIsRefusedWithItsField() {
        Reply reply = http.post(
                "api/v1/buyers",
                Json.createObjectBuilder()
                        .add("email", Fixtures.uniqueEmail("short"))
                        .add("password", "123456789")
                        .add("name", "Shorty")
                        .build()
                        .toString(),
                null);
        assertEquals(400, reply.status());
        assertEquals("validation", reply.problem());
        assertEquals(
                "password", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void logoutRevokesTheToken() {
        Fixtures.Person buyer = fixtures.buyer();
        assertEquals(200, http.get("api/v1/me", buyer.token()).status());
        assertEquals(
                204, http.delete("api/v1/auth/tokens/current", buyer.token()).status());
        Reply after = http.get("api/v1/me", buyer.token());
        assertEquals(401, after.status());
        assertEquals("invalid-token", after.problem());
    }

    @Test
    void suspendedTenantCannotLogInAndItsTokensStop() {
        Fixtures.Merchant merchant = fixtures.merchant("Suspended Sushi");
        String operator = fixtures.token(Fixtures.DEMO_OPERATOR, Fixtures.DEMO_PASSWORD);
        assertEquals(200, http.get("api/v1/stores", merchant.token()).status());

        Reply suspended = http.post("api/v1/platform/tenants/" + merchant.tenantId() + "/suspend", null, operator);
        assertEquals(200, suspended.status(), suspended::toString);
        assertEquals("SUSPENDED", suspended.json().getString("status"));

        assertEquals(401, http.get("api/v1/stores", merchant.token()).status());
        // Exactly like a wrong password: the answer tells a guesser nothing about the password.
        Reply login = http.post("api/v1/auth/tokens", Fixtures.credentials(merchant.email(), Fixtures.PASSWORD), null);
        Reply wrong = http.post("api/v1/auth/tokens", Fixtures.credentials(merchant.email(), "not-the-password"), null);
        assertEquals(401, login.status(), login::toString);
        assertEquals("bad-credentials", login.problem());
        assertEquals(wrong.status(), login.status());
        assertEquals(wrong.body(), login.body());
        assertEquals(wrong.contentType(), login.contentType());

        assertEquals(
                200,
                http.post("api/v1/platform/tenants/" + merchant.tenantId() + "/activate", null, operator)
                        .status());
        assertEquals(200, http.get("api/v1/stores", merchant.token()).status());
    }

    @Test
    void operatorListsTenantsAndSetsCommission() {
        Fixtures.Merchant merchant = fixtures.merchant("Commission Cafe");
        String operator = fixtures.token(Fixtures.DEMO_OPERATOR, Fixtures.DEMO_PASSWORD);
        Reply list = http.get("api/v1/platform/tenants?size=100", operator);
        assertEquals(200, list.status());
        assertTrue(list.json().getJsonNumber("total").longValue() >= 3);

        Reply changed =
                http.put("api/v1/platform/tenants/" + merchant.tenantId(), "{\"commissionRate\":\"0.15\"}", operator);
        assertEquals(200, changed.status(), changed::toString);
        assertEquals(
                0,
                new java.math.BigDecimal("0.15")
                        .compareTo(new java.math.BigDecimal(changed.json().getString("commissionRate"))));
        Reply tooHigh =
                http.put("api/v1/platform/tenants/" + merchant.tenantId(), "{\"commissionRate\":\"1.5\"}", operator);
        assertEquals(400, tooHigh.status());
    }

    @Test
    void operatorSeesLiveDealsAndTheLast30DaysOfSalesOfEveryTenant() throws Exception {
        Fixtures.Merchant merchant = fixtures.merchantWithStore("Figures Falafel");
        String dealId = buying.dealIdOnSale(merchant, "Falafel Plate", d -> {});
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        JsonObject scheduled = fixtures.publish(
                merchant.token(),
                fixtures.newDeal(
                                merchant.token(),
                                Fixtures.deal("Falafel Feast", tomorrow, tomorrow.plus(Duration.ofDays(2)), List.of()))
                        .getString("id"));
        assertEquals("SCHEDULED", scheduled.getString("status"));
        fixtures.newDeal(
                merchant.token(),
                Fixtures.deal("Falafel Draft", tomorrow, tomorrow.plus(Duration.ofDays(2)), List.of()));
        Fixtures.Merchant rival = fixtures.merchantWithStore("Figures Futomaki");
        String yenDeal = buying.dealIdOnSale(
                rival,
                "Futomaki Box",
                d -> d.add("currency", "JPY").add("price", "1200").add("originalValue", "2000"));
        String operator = fixtures.token(Fixtures.DEMO_OPERATOR, Fixtures.DEMO_PASSWORD);
        assertFigures(tenant(operator, merchant), 1, 0, List.of());

        Reply early = buying.buy(fixtures.buyer(), dealId, 2);
        assertEquals(201, early.status(), early::toString);
        Fixtures.Person refunder = fixtures.buyer();
        Reply late = buying.buy(refunder, dealId, 3);
        assertEquals(201, late.status(), late::toString);
        String refunded = late.json().getJsonArray("coupons").getJsonObject(0).getString("code");
        assertEquals(
                200,
                http.post("api/v1/coupons/" + refunded + "/refund", null, refunder.token())
                        .status());
        assertEquals(201, buying.buy(fixtures.buyer(), yenDeal, 2).status());

        JsonObject figures = tenant(operator, merchant);
        assertFigures(figures, 1, 5, List.of("EUR 79.60"));
        JsonObject report =
                http.get("api/v1/deals/" + dealId + "/report", merchant.token()).json();
        assertEquals(report.getInt("sold"), figures.getInt("soldLast30Days"), "sold as the deal report counts it");
        assertEquals("79.60", report.getString("revenue"), "the deal report counts the same revenue");
        assertFigures(tenant(operator, rival), 1, 2, List.of("JPY 2400"));

        assertEquals(
                2,
                Buying.update(
                        "UPDATE coupon SET created_at = created_at - INTERVAL 31 DAY WHERE tenant_id = ? AND order_id = ?",
                        merchant.tenantId(),
                        early.json().getString("id")));
        assertFigures(tenant(operator, merchant), 1, 3, List.of("EUR 39.80"));
        Buying.update(
                "UPDATE coupon SET created_at = created_at - INTERVAL 31 DAY WHERE tenant_id = ? AND order_id = ?",
                merchant.tenantId(),
                late.json().getString("id"));
        assertFigures(tenant(operator, merchant), 1, 0, List.of());
        assertFigures(tenant(operator, rival), 1, 2, List.of("JPY 2400"));

        Reply suspended = http.post("api/v1/platform/tenants/" + rival.tenantId() + "/suspend", null, operator);
        assertEquals(200, suspended.status(), suspended::toString);
        assertFigures(suspended.json(), 1, 2, List.of("JPY 2400"));
        assertEquals(
                200,
                http.post("api/v1/platform/tenants/" + rival.tenantId() + "/activate", null, operator)
                        .status());
    }

    /** The tenant's item in the operator's list (the newest tenants come first). */
    private JsonObject tenant(String operator, Fixtures.Merchant merchant) {
        Reply list = http.get("api/v1/platform/tenants?size=100", operator);
        assertEquals(200, list.status(), list::toString);
        return list.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("tenantId").equals(merchant.tenantId()))
                .findFirst()
                .orElseThrow();
    }

    private static void assertFigures(JsonObject tenant, int liveDeals, int sold, List<String> revenue) {
        assertEquals(liveDeals, tenant.getInt("liveDeals"), tenant::toString);
        assertEquals(sold, tenant.getInt("soldLast30Days"), tenant::toString);
        assertEquals(
                revenue,
                tenant.getJsonArray("revenueLast30Days").getValuesAs(JsonObject.class).stream()
                        .map(r -> r.getString("currency") + " " + r.getString("amount"))
                        .toList(),
                tenant::toString);
    }

    @Test
    void operationsEndpointsAnswer() {
        Reply ready = http.get("health/ready", null);
        assertEquals(200, ready.status(), ready::toString);
        assertTrue(ready.body().contains("\"database\""));
        Reply openapi = http.get("openapi", null);
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/v1/catalog/deals")
                && openapi.body().contains("/api/v1/stores/{id}"));
        assertEquals(200, http.get("metrics", null).status());
    }

    static Connection database() throws Exception {
        return DriverManager.getConnection(System.getProperty("deal.it.db.url"), "deal", "deal");
    }

    static long count(String sql, String parameter) {
        try (Connection c = database();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
