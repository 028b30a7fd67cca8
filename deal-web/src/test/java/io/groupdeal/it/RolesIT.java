package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Each role is refused (403) on the routes of the others; without a token every protected route answers 401. */
// Alongside other test classes (see deal-web's POM); its own tests one after another. Not while a class has the mail
// server to itself ("mail-server"): the operator's routes it tries retry every failed mail, MailOpsIT's among them.
@ResourceLock(value = "mail-server", mode = ResourceAccessMode.READ)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("RolesIT")
class RolesIT extends DeployedApp {

    private static final String SOME_ID = "01AAAAAAAAAAAAAAAAAAAAAAAA";

    private Map<String, String> tokens;

    record Route(String method, String path, String body, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Set<String> MERCHANT = Set.of("MERCHANT_ADMIN");
    private static final Set<String> OPERATOR = Set.of("PLATFORM_ADMIN");

    private static final List<Route> ROUTES = List.of(
            new Route("GET", "api/v1/stores", null, MERCHANT),
            new Route("POST", "api/v1/stores", Fixtures.store("Role Test"), MERCHANT),
            new Route("GET", "api/v1/stores/" + SOME_ID, null, MERCHANT),
            new Route("PUT", "api/v1/stores/" + SOME_ID, Fixtures.store("Role Test"), MERCHANT),
            new Route("DELETE", "api/v1/stores/" + SOME_ID, null, MERCHANT),
            new Route("GET", "api/v1/staff", null, MERCHANT),
            new Route("POST", "api/v1/staff", Fixtures.staff("role-test@it.groupdeal.io", List.of(SOME_ID)), MERCHANT),
            new Route("GET", "api/v1/staff/" + SOME_ID, null, MERCHANT),
            new Route(
                    "PUT",
                    "api/v1/staff/" + SOME_ID,
                    Fixtures.staff("role-test@it.groupdeal.io", List.of(SOME_ID)),
                    MERCHANT),
            new Route("DELETE", "api/v1/staff/" + SOME_ID, null, MERCHANT),
            new Route("GET", "api/v1/deals", null, MERCHANT),
            new Route("POST", "api/v1/deals", "{\"title\":\"Role deal\"}", MERCHANT),
            new Route("GET", "api/v1/deals/" + SOME_ID, null, MERCHANT),
            new Route("PUT", "api/v1/deals/" + SOME_ID, "{\"title\":\"Role deal\"}", MERCHANT),
            new Route("POST", "api/v1/deals/" + SOME_ID + "/publish", null, MERCHANT),
            new Route("POST", "api/v1/deals/" + SOME_ID + "/cancel", null, MERCHANT),
            new Route("GET", "api/v1/deals/" + SOME_ID + "/report", null, MERCHANT),
            new Route("GET", "api/v1/deals/" + SOME_ID + "/report.csv", null, MERCHANT),
            new Route("GET", "api/v1/platform/tenants", null, OPERATOR),
            new Route("POST", "api/v1/platform/tenants/" + SOME_ID + "/suspend", null, OPERATOR),
            new Route("POST", "api/v1/platform/tenants/" + SOME_ID + "/activate", null, OPERATOR),
            new Route("PUT", "api/v1/platform/tenants/" + SOME_ID, "{\"commissionRate\":\"0.2\"}", OPERATOR),
            new Route("GET", "api/v1/platform/mails?status=FAILED", null, OPERATOR),
            new Route("POST", "api/v1/platform/mails/" + SOME_ID + "/retry", null, OPERATOR),
            new Route("POST", "api/v1/platform/mails/retry", null, OPERATOR),
            new Route("GET", "api/v1/me", null, Set.of("PLATFORM_ADMIN", "MERCHANT_ADMIN", "STAFF", "BUYER")));

    @BeforeEach
    void setUp() {
        Fixtures.Merchant merchant = fixtures.merchant("Roles Ramen");
        String store = fixtures.newStore(merchant.token(), "Roles Ramen One").getString("id");
        String staffEmail = fixtures.newStaff(merchant.token(), List.of(store)).getString("email");
        tokens = Map.of(
                "PLATFORM_ADMIN", fixtures.token(Fixtures.DEMO_OPERATOR, Fixtures.DEMO_PASSWORD),
                "MERCHANT_ADMIN", merchant.token(),
                "STAFF", fixtures.token(staffEmail, Fixtures.PASSWORD),
                "BUYER", fixtures.buyer().token());
    }

    @Test
    void everyRoleIsRefusedOnTheRoutesOfTheOthers() {
        for (Route route : ROUTES) {
            for (Map.Entry<String, String> role : tokens.entrySet()) {
                Reply reply = http.send(
                        route.method(),
                        route.path(),
                        route.body(),
                        role.getValue(),
                        route.body() == null ? null : "application/json");
                if (route.allowed().contains(role.getKey())) {
                    assertTrue(
                            reply.status() != 401 && reply.status() != 403,
                            () -> role.getKey() + " on " + route + " → " + reply);
                } else {
                    assertEquals(403, reply.status(), () -> role.getKey() + " on " + route + " → " + reply);
                    assertEquals("forbidden", reply.problem());
                }
                assertTrue(reply.status() < 500, () -> role.getKey() + " on " + route + " → " + reply);
            }
        }
    }

    @Test
    void withoutTokenEveryProtectedRouteAnswers401() {
        for (Route route : ROUTES) {
            Reply reply = http.send(
                    route.method(), route.path(), route.body(), null, route.body() == null ? null : "application/json");
            assertEquals(401, reply.status(), () -> route + " → " + reply);
            assertEquals("unauthorized", reply.problem());
            assertTrue(reply.contentType().startsWith("application/problem+json"));
        }
        Reply logout = http.delete("api/v1/auth/tokens/current", null);
        assertEquals(401, logout.status(), logout::toString);
    }

    @Test
    void pagesRedirectGuestsToLoginAndRefuseOtherRoles() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        URI page = http.base().resolve("merchant/stores.xhtml");
        HttpResponse<String> guest =
                client.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, guest.statusCode());
        assertTrue(guest.headers().firstValue("Location").orElse("").contains("/login.xhtml?next="));

        HttpResponse<String> buyer = send(client, page, "Cookie", "gd_session=" + tokens.get("BUYER"));
        assertEquals(403, buyer.statusCode());

        HttpResponse<String> merchant = send(client, page, "Cookie", "gd_session=" + tokens.get("MERCHANT_ADMIN"));
        assertEquals(200, merchant.statusCode());
        assertTrue(merchant.body().contains("Roles Ramen One"));

        HttpResponse<String> bearerOnPage =
                send(client, page, "Authorization", "Bearer " + tokens.get("MERCHANT_ADMIN"));
        assertEquals(302, bearerOnPage.statusCode(), "pages take the session cookie, not a bearer header");
    }

    /** The page's answer to a request with the one header: a session cookie or a bearer token. */
    private static HttpResponse<String> send(HttpClient client, URI page, String header, String value)
            throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(page).header(header, value).build(), HttpResponse.BodyHandlers.ofString());
    }
}
