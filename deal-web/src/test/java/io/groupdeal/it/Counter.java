package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What the counter ITs share: a shop (merchant, two stores, a staff member at the first, a deal on sale) and a buyer's
 * coupons of it, and the counter's requests.
 */
record Counter(Http http, Fixtures fixtures) {

    /** A merchant with stores {@code first} and {@code second}, a staff member at the first, and a deal on sale. */
    record Shop(Fixtures.Merchant merchant, String first, String second, String staffToken, String dealId) {}

    Shop shop(String name) {
        Fixtures.Merchant merchant = fixtures.merchant(name);
        String first = fixtures.newStore(merchant.token(), name + " Mitte").getString("id");
        String second = fixtures.newStore(merchant.token(), name + " Neukölln").getString("id");
        String staffToken = staffAt(merchant, List.of(first));
        String dealId = new Buying(http, fixtures)
                .dealOnSale(merchant, name + " Lunch", d -> {})
                .getString("id");
        return new Shop(merchant, first, second, staffToken, dealId);
    }

    /** A new staff member of the merchant at the stores, logged in: the token. */
    String staffAt(Fixtures.Merchant merchant, List<String> storeIds) {
        return fixtures.token(fixtures.newStaff(merchant.token(), storeIds).getString("email"), Fixtures.PASSWORD);
    }

    /** The codes of {@code quantity} coupons that a new buyer bought of the deal. */
    List<String> coupons(String dealId, int quantity) {
        return coupons(fixtures.buyer(), dealId, quantity);
    }

    /** The codes of {@code quantity} coupons that the buyer bought of the deal. */
    List<String> coupons(Fixtures.Person buyer, String dealId, int quantity) {
        Reply order = new Buying(http, fixtures).buy(buyer, dealId, quantity);
        assertEquals(201, order.status(), order::toString);
        return order.json().getJsonArray("coupons").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("code"))
                .toList();
    }

    Reply lookup(String token, String code, String storeId) {
        return http.get(
                "api/v1/counter/coupons/"
                        + URLEncoder.encode(code, StandardCharsets.UTF_8).replace("+", "%20") + "?storeId=" + storeId,
                token);
    }

    Reply redeem(String token, String code, String storeId) {
        return http.post("api/v1/counter/redemptions", body(code, storeId), token);
    }

    Reply redeem(String token, String code, String storeId, String idempotencyKey) {
        return http.send(
                "POST",
                "api/v1/counter/redemptions",
                body(code, storeId),
                token,
                "application/json",
                Map.of("Idempotency-Key", idempotencyKey));
    }

    Reply undo(String token, String redemptionId, String reason) {
        String body = reason == null
                ? "{}"
                : Json.createObjectBuilder().add("reason", reason).build().toString();
        return http.send("DELETE", "api/v1/counter/redemptions/" + redemptionId, body, token, "application/json");
    }

    Reply today(String token, String storeId) {
        return http.get("api/v1/counter/redemptions?storeId=" + storeId, token);
    }

    private static String body(String code, String storeId) {
        return Json.createObjectBuilder()
                .add("code", code)
                .add("storeId", storeId)
                .build()
                .toString();
    }
}
