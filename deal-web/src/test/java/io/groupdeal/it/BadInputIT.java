package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets a clear 4xx problem+json and changes nothing: malformed JSON, wrong types, missing fields,
 * 100 kB strings, coordinates off the earth, bad paging, unknown paths and methods. Never a 5xx, never internals.
 */
class BadInputIT extends DeployedApp {

    private static final String HUGE = "x".repeat(100_000);

    private Fixtures.Merchant merchant;
    private String storeId;

    @BeforeEach
    void setUp() {
        merchant = fixtures.merchant("Careful Curry");
        storeId = fixtures.newStore(merchant.token(), "Careful Curry One").getString("id");
    }

    record Case(String name, String method, String path, String body, String contentType, int status, String problem) {
    }

    @Test
    void everyBadRequestIsAClearProblemAndChangesNothing() {
        String stores = "api/v1/stores";
        String json = "application/json";
        List<Case> cases = List.of(
                new Case("malformed JSON", "POST", stores, "{\"name\": \"Broken\",", json, 400, "malformed-request"),
                new Case("not JSON at all", "POST", stores, "name=Broken", json, 400, "malformed-request"),
                new Case("JSON array instead of object", "POST", stores, "[1,2,3]", json, 400, "malformed-request"),
                new Case("empty body", "POST", stores, "", json, 400, null),
                new Case("empty object", "POST", stores, "{}", json, 400, "validation"),
                new Case("latitude as text", "POST", stores, store("Typed", "\"north\"", "13.4"), json, 400, "malformed-request"),
                new Case("latitude as object", "POST", stores, store("Typed", "{}", "13.4"), json, 400, "malformed-request"),
                new Case("latitude 91", "POST", stores, store("Pole", "91", "13.4"), json, 400, "validation"),
                new Case("latitude -90.5", "POST", stores, store("Pole", "-90.5", "13.4"), json, 400, "validation"),
                new Case("longitude 180.01", "POST", stores, store("Dateline", "52.5", "180.01"), json, 400, "validation"),
                new Case("latitude huge number", "POST", stores, store("Far", "1e400", "13.4"), json, 400, null),
                new Case("100 kB name", "POST", stores, store(HUGE, "52.5", "13.4"), json, 400, "validation"),
                new Case("100 kB address", "POST", stores, Json.createObjectBuilder().add("name", "Long").add("address", HUGE)
                        .add("latitude", 52.5).add("longitude", 13.4).add("timeZone", "UTC").build().toString(), json, 400, "validation"),
                new Case("unknown time zone", "POST", stores, Json.createObjectBuilder().add("name", "Zone").add("address", "A 1")
                        .add("latitude", 52.5).add("longitude", 13.4).add("timeZone", "Mars/Olympus").build().toString(), json, 400, "validation"),
                new Case("update with latitude 200", "PUT", stores + "/" + storeId, store("Moved", "200", "13.4"), json, 400, "validation"),
                new Case("XML content type", "POST", stores, "<store/>", "application/xml", 415, "unsupported-media-type"),
                new Case("page size 1000", "GET", stores + "?size=1000", null, null, 400, "validation"),
                new Case("page -1", "GET", stores + "?page=-1", null, null, 400, "validation"),
                new Case("page as text", "GET", stores + "?page=first", null, null, 400, "validation"),
                new Case("unknown path", "GET", "api/v1/no-such-thing", null, null, 404, "not-found"),
                new Case("wrong method", "PATCH", stores, "{}", json, 405, "method-not-allowed"),
                new Case("id of 100 kB", "GET", stores + "/" + "A".repeat(5000), null, null, 404, "not-found"),
                new Case("staff with 100 kB email", "POST", "api/v1/staff", Fixtures.staff(HUGE + "@x.io", List.of(storeId)), json, 400, "validation"),
                new Case("staff with bad email", "POST", "api/v1/staff", Fixtures.staff("not-an-email", List.of(storeId)), json, 400, "validation"),
                new Case("staff without stores", "POST", "api/v1/staff", Fixtures.staff(Fixtures.uniqueEmail("lonely"), List.of()), json, 400, "validation"),
                new Case("staff store ids as number", "POST", "api/v1/staff", "{\"email\":\"a@b.io\",\"name\":\"N\",\"password\":\"0123456789\",\"storeIds\":7}", json, 400, "malformed-request"),
                new Case("signup with 100 kB password", "POST", "api/v1/buyers", Json.createObjectBuilder().add("email", "p@b.io")
                        .add("password", HUGE).add("name", "P").build().toString(), json, 400, "validation"),
                new Case("login with malformed JSON", "POST", "api/v1/auth/tokens", "{\"email\":", json, 400, "malformed-request"),
                new Case("commission as text", "PUT", "api/v1/platform/tenants/" + merchant.tenantId(), "{\"commissionRate\":\"lots\"}", json, 403, "forbidden"));

        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Reply reply = http.send(c.method(), c.path(), c.body(), merchant.token(), c.contentType());
            String where = c.name() + " → " + reply.status() + " " + abbreviate(reply.body());
            if (reply.status() != c.status()) {
                failures.add(where + " (expected " + c.status() + ")");
                continue;
            }
            if (!reply.contentType().startsWith("application/problem+json")) {
                failures.add(where + " (not problem+json: " + reply.contentType() + ")");
                continue;
            }
            JsonObject problem = reply.json();
            if (c.problem() != null && !problem.getString("type").equals("/problems/" + c.problem())) {
                failures.add(where + " (expected type " + c.problem() + ")");
            }
            for (String leak : List.of("Exception", "at io.", "at org.", "SQL", "io.groupdeal", "jakarta.", "eclipse")) {
                if (reply.body().contains(leak)) {
                    failures.add(where + " (leaks " + leak + ")");
                }
            }
            assertEquals(c.status(), problem.getInt("status"), where);
            assertFalse(problem.getString("title").isBlank(), where);
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));

        JsonObject after = http.get("api/v1/stores", merchant.token()).json();
        assertEquals(1, after.getInt("total"), "bad requests created stores");
        assertEquals("Careful Curry One", after.getJsonArray("items").getJsonObject(0).getString("name"));
        assertEquals(0, http.get("api/v1/staff", merchant.token()).json().getInt("total"), "bad requests created staff");
    }

    @Test
    void validationNamesEveryBrokenField() {
        Reply reply = http.post("api/v1/stores", "{\"latitude\": 95}", merchant.token());
        assertEquals(400, reply.status());
        List<String> fields = reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertTrue(fields.containsAll(List.of("name", "address", "longitude", "timeZone")), fields::toString);
    }

    private static String store(String name, String latitude, String longitude) {
        return "{\"name\":" + Json.createValue(name) + ",\"address\":\"Teststr. 1\",\"latitude\":" + latitude
                + ",\"longitude\":" + longitude + ",\"timeZone\":\"Europe/Berlin\"}";
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
