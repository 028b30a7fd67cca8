package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;

/** Makes the accounts and data a test needs, each with fresh unique emails so that tests never share state. */
public final class Fixtures {

    public static final String PASSWORD = "correct-horse-battery";
    public static final String DEMO_PASSWORD = "demo-password";
    public static final String DEMO_OPERATOR = "operator@demo.groupdeal.io";
    public static final String DEMO_MERCHANT = "admin@noodle.demo.groupdeal.io";

    private final Http http;

    public Fixtures(Http http) {
        this.http = http;
    }

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 12) + "@it.groupdeal.io";
    }

    public record Merchant(String tenantId, String email, String token) {}

    public record Person(String id, String email, String token) {}

    /**
     * A new merchant whose deals go live when published: new tenants are moderated by default, and the operator turns
     * moderation off for this one through the real API ({@code PUT /platform/tenants/{id}}), so that the tests that do
     * not test moderation publish straight away as before. {@link #moderatedMerchant} keeps the default.
     */
    public Merchant merchant(String businessName) {
        Merchant merchant = moderatedMerchant(businessName);
        moderate(merchant.tenantId(), false);
        return merchant;
    }

    /** A new merchant as signing up makes it: moderated, its published deals wait for the operator's review. */
    public Merchant moderatedMerchant(String businessName) {
        String email = uniqueEmail("merchant");
        JsonObject signup =
                signUp("api/v1/merchants", email, Json.createObjectBuilder().add("businessName", businessName));
        return new Merchant(signup.getString("tenantId"), email, token(email, PASSWORD));
    }

    /** {@link #merchant} with one store in Berlin, named "<businessName> Mitte": a merchant ready to sell. */
    public Merchant merchantWithStore(String businessName) {
        return withStore(merchant(businessName), businessName);
    }

    /** {@link #moderatedMerchant} with one store in Berlin, named "<businessName> Mitte". */
    public Merchant moderatedMerchantWithStore(String businessName) {
        return withStore(moderatedMerchant(businessName), businessName);
    }

    private Merchant withStore(Merchant merchant, String businessName) {
        newStore(merchant.token(), businessName + " Mitte");
        return merchant;
    }

    /** The operator decides whether the tenant's deals are reviewed before they go live. */
    public void moderate(String tenantId, boolean moderated) {
        Reply reply =
                http.put("api/v1/platform/tenants/" + tenantId, "{\"moderated\":" + moderated + "}", operatorToken());
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(moderated, reply.json().getBoolean("moderated"), reply::toString);
    }

    private static volatile String operatorToken;

    /**
     * The demo operator's token, logged in once per run: every merchant a test makes needs the operator, and a login per
     * merchant would cost a password hash each and count against the operator's login throttle.
     */
    public String operatorToken() {
        String token = operatorToken;
        if (token == null) {
            synchronized (Fixtures.class) {
                token = operatorToken;
                if (token == null) {
                    token = token(DEMO_OPERATOR, DEMO_PASSWORD);
                    operatorToken = token;
                }
            }
        }
        return token;
    }

    public Person buyer() {
        String email = uniqueEmail("buyer");
        JsonObject signup =
                signUp("api/v1/buyers", email, Json.createObjectBuilder().add("name", "Test Buyer"));
        return new Person(signup.getString("id"), email, token(email, PASSWORD));
    }

    /** Signs up at the path with the details, the email and {@link #PASSWORD}: the new account. */
    private JsonObject signUp(String path, String email, jakarta.json.JsonObjectBuilder details) {
        Reply signup = http.post(
                path,
                details.add("email", email).add("password", PASSWORD).build().toString(),
                null);
        assertEquals(201, signup.status(), signup::toString);
        return signup.json();
    }

    public String token(String email, String password) {
        Reply reply = http.post("api/v1/auth/tokens", credentials(email, password), null);
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("token");
    }

    public static String credentials(String email, String password) {
        return Json.createObjectBuilder()
                .add("email", email)
                .add("password", password)
                .build()
                .toString();
    }

    public static String store(String name) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("address", "Teststr. 1, 10115 Berlin")
                .add("latitude", 52.52)
                .add("longitude", 13.405)
                .add("timeZone", "Europe/Berlin")
                .build()
                .toString();
    }

    public JsonObject newStore(String token, String name) {
        Reply reply = http.post("api/v1/stores", store(name), token);
        assertEquals(201, reply.status(), reply::toString);
        return reply.json();
    }

    public static String staff(String email, List<String> storeIds) {
        var stores = Json.createArrayBuilder();
        storeIds.forEach(stores::add);
        return Json.createObjectBuilder()
                .add("email", email)
                .add("name", "Sam Staff")
                .add("password", PASSWORD)
                .add("storeIds", stores)
                .build()
                .toString();
    }

    public JsonObject newStaff(String token, List<String> storeIds) {
        Reply reply = http.post("api/v1/staff", staff(uniqueEmail("staff"), storeIds), token);
        assertEquals(201, reply.status(), reply::toString);
        return reply.json();
    }

    /** A complete deal body: on sale from {@code start} to {@code end}, redeemable at the given stores (none: all). */
    public static jakarta.json.JsonObjectBuilder deal(
            String title, java.time.Instant start, java.time.Instant end, List<String> storeIds) {
        var stores = Json.createArrayBuilder();
        storeIds.forEach(stores::add);
        return Json.createObjectBuilder()
                .add("title", title)
                .add("description", "A test deal: " + title)
                .add("finePrint", "Valid for one person.")
                .add("currency", "EUR")
                .add("price", "19.90")
                .add("originalValue", "34.00")
                .add("minBuyers", 1)
                .add("maxQuantity", 100)
                .add("perBuyerLimit", 4)
                .add("salesStart", start.toString())
                .add("salesEnd", end.toString())
                .add("couponValidUntil", end.plus(java.time.Duration.ofDays(30)).toString())
                .add("storeIds", stores)
                .add("refundPolicy", "ANYTIME");
    }

    /**
     * A complete deal body for the tests whose dates do not matter: on sale from a minute ago for three days, at all
     * the merchant's stores.
     */
    public static jakarta.json.JsonObjectBuilder deal(String title) {
        java.time.Instant now = java.time.Instant.now();
        return deal(title, now.minusSeconds(60), now.plus(java.time.Duration.ofDays(3)), List.of());
    }

    public JsonObject newDeal(String token, jakarta.json.JsonObjectBuilder body) {
        Reply reply = http.post("api/v1/deals", body.build().toString(), token);
        assertEquals(201, reply.status(), reply::toString);
        return reply.json();
    }

    public JsonObject publish(String token, String dealId) {
        Reply reply = http.post("api/v1/deals/" + dealId + "/publish", null, token);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    /** A deal of the owner at the stores (none: all), published: on sale from a minute ago for three days. Its id. */
    public String publishedDeal(Merchant owner, String title, List<String> storeIds) {
        java.time.Instant now = java.time.Instant.now();
        String id = newDeal(
                        owner.token(),
                        deal(title, now.minusSeconds(60), now.plus(java.time.Duration.ofDays(3)), storeIds))
                .getString("id");
        publish(owner.token(), id);
        return id;
    }

    public static String store(String name, double latitude, double longitude) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("address", "Teststr. 1")
                .add("latitude", latitude)
                .add("longitude", longitude)
                .add("timeZone", "Europe/Berlin")
                .build()
                .toString();
    }
}
