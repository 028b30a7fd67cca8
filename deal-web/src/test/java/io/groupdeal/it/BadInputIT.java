package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Bad input gets a clear 4xx problem+json and changes nothing: malformed JSON, wrong types, missing fields,
 * 100 kB strings, coordinates off the earth, bad paging, unknown paths and methods. Never a 5xx, never internals.
 */
// Alongside other test classes (see deal-web's POM); its own tests one after another.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("BadInputIT")
class BadInputIT extends MerchantApp {

    private static final String HUGE = "x".repeat(100_000);

    BadInputIT() {
        super("Careful Curry");
    }

    record Case(String name, String method, String path, String body, String contentType, int status, String problem) {}

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
                new Case(
                        "latitude as text",
                        "POST",
                        stores,
                        store("Typed", "\"north\"", "13.4"),
                        json,
                        400,
                        "malformed-request"),
                new Case(
                        "latitude as object",
                        "POST",
                        stores,
                        store("Typed", "{}", "13.4"),
                        json,
                        400,
                        "malformed-request"),
                new Case("latitude 91", "POST", stores, store("Pole", "91", "13.4"), json, 400, "validation"),
                new Case("latitude -90.5", "POST", stores, store("Pole", "-90.5", "13.4"), json, 400, "validation"),
                new Case(
                        "longitude 180.01",
                        "POST",
                        stores,
                        store("Dateline", "52.5", "180.01"),
                        json,
                        400,
                        "validation"),
                new Case("latitude huge number", "POST", stores, store("Far", "1e400", "13.4"), json, 400, null),
                new Case("100 kB name", "POST", stores, store(HUGE, "52.5", "13.4"), json, 400, "validation"),
                new Case("100 kB address", "POST", stores, storeWith("Long", HUGE, "UTC"), json, 400, "validation"),
                new Case(
                        "unknown time zone",
                        "POST",
                        stores,
                        storeWith("Zone", "A 1", "Mars/Olympus"),
                        json,
                        400,
                        "validation"),
                new Case(
                        "update with latitude 200",
                        "PUT",
                        stores + "/" + storeId,
                        store("Moved", "200", "13.4"),
                        json,
                        400,
                        "validation"),
                new Case(
                        "XML content type",
                        "POST",
                        stores,
                        "<store/>",
                        "application/xml",
                        415,
                        "unsupported-media-type"),
                new Case("page size 1000", "GET", stores + "?size=1000", null, null, 400, "validation"),
                new Case("page -1", "GET", stores + "?page=-1", null, null, 400, "validation"),
                new Case("page as text", "GET", stores + "?page=first", null, null, 400, "validation"),
                new Case("unknown path", "GET", "api/v1/no-such-thing", null, null, 404, "not-found"),
                new Case("wrong method", "PATCH", stores, "{}", json, 405, "method-not-allowed"),
                new Case("id of 100 kB", "GET", stores + "/" + "A".repeat(5000), null, null, 404, "not-found"),
                new Case(
                        "staff with 100 kB email",
                        "POST",
                        "api/v1/staff",
                        Fixtures.staff(HUGE + "@x.io", List.of(storeId)),
                        json,
                        400,
                        "validation"),
                new Case(
                        "staff with bad email",
                        "POST",
                        "api/v1/staff",
                        Fixtures.staff("not-an-email", List.of(storeId)),
                        json,
                        400,
                        "validation"),
                new Case(
                        "staff without stores",
                        "POST",
                        "api/v1/staff",
                        Fixtures.staff(Fixtures.uniqueEmail("lonely"), List.of()),
                        json,
                        400,
                        "validation"),
                new Case(
                        "staff store ids as number",
                        "POST",
                        "api/v1/staff",
                        "{\"email\":\"a@b.io\",\"name\":\"N\",\"password\":\"0123456789\",\"storeIds\":7}",
                        json,
                        400,
                        "malformed-request"),
                new Case(
                        "signup with 100 kB password",
                        "POST",
                        "api/v1/buyers",
                        Json.createObjectBuilder()
                                .add("email", "p@b.io")
                                .add("password", HUGE)
                                .add("name", "P")
                                .build()
                                .toString(),
                        json,
                        400,
                        "validation"),
                new Case(
                        "login with malformed JSON",
                        "POST",
                        "api/v1/auth/tokens",
                        "{\"email\":",
                        json,
                        400,
                        "malformed-request"),
                new Case(
                        "commission as text",
                        "PUT",
                        "api/v1/platform/tenants/" + merchant.tenantId(),
                        "{\"commissionRate\":\"lots\"}",
                        json,
                        403,
                        "forbidden"));

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
            for (String leak :
                    List.of("Exception", "at io.", "at org.", "SQL", "io.groupdeal", "jakarta.", "eclipse")) {
                if (reply.body().contains(leak)) {
                    failures.add(where + " (leaks " + leak + ")");
                }
            }
            assertEquals(c.status(), problem.getInt("status"), where);
            assertFalse(problem.getString("title").isBlank(), where);
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));

        assertNoStoreOrStaffMade();
    }

    /** A bad request whose problem must name {@code field} among its errors. */
    record FieldCase(String name, String method, String path, String body, String problem, String field) {}

    /**
     * Values that gave a 500 or were taken as something else: offsets beyond an int, days at the end of the ISO
     * calendar, periods of years, JSON of the wrong type (a number or boolean as a title), control characters in text.
     * Each is a 400 naming the field, and nothing is created.
     */
    @Test
    void outOfRangeWrongTypesAndControlCharactersAreRefusedByField() {
        String far = "%2B999999999-12-31";
        String deals = "api/v1/deals";
        java.util.function.Supplier<String> staffBody = () -> "{\"email\":\"" + Fixtures.uniqueEmail("ctl")
                + "\",\"password\":\"" + Fixtures.PASSWORD + "\",\"storeIds\":[\"" + storeId + "\"],\"name\":";
        Fixtures.Person buyer = fixtures.buyer();
        List<FieldCase> cases = List.of(
                new FieldCase(
                        "offset beyond int", "GET", "api/v1/stores?page=21474837&size=100", null, "validation", "page"),
                new FieldCase(
                        "deals offset beyond int",
                        "GET",
                        deals + "?page=21474837&size=100",
                        null,
                        "validation",
                        "page"),
                new FieldCase(
                        "dashboard at the calendar's end",
                        "GET",
                        "api/v1/dashboard?from=" + far + "&to=" + far,
                        null,
                        "validation",
                        "from"),
                new FieldCase(
                        "dashboard before the calendar",
                        "GET",
                        "api/v1/dashboard?from=-999999999-01-01&to=2026-01-01",
                        null,
                        "validation",
                        "from"),
                new FieldCase(
                        "dashboard CSV at the calendar's end",
                        "GET",
                        "api/v1/dashboard.csv?from=2026-01-01&to=" + far,
                        null,
                        "validation",
                        "to"),
                new FieldCase(
                        "settlements at the calendar's end",
                        "GET",
                        "api/v1/settlements?from=" + far + "&to=" + far,
                        null,
                        "validation",
                        "from"),
                new FieldCase(
                        "counter day at the calendar's end",
                        "GET",
                        "api/v1/counter/redemptions?storeId=" + storeId + "&date=" + far,
                        null,
                        "validation",
                        "date"),
                new FieldCase(
                        "counter day before the calendar",
                        "GET",
                        "api/v1/counter/redemptions?storeId=" + storeId + "&date=0001-01-01",
                        null,
                        "validation",
                        "date"),
                new FieldCase("title as number", "POST", deals, deal("\"title\": -1"), "malformed-request", "title"),
                new FieldCase("title as boolean", "POST", deals, deal("\"title\": true"), "malformed-request", "title"),
                new FieldCase(
                        "title as object", "POST", deals, deal("\"title\": {\"a\": 1}"), "malformed-request", "title"),
                new FieldCase(
                        "minimum buyers as text",
                        "POST",
                        deals,
                        deal("\"minBuyers\": \"5\""),
                        "malformed-request",
                        "minBuyers"),
                new FieldCase(
                        "minimum buyers as fraction",
                        "POST",
                        deals,
                        deal("\"minBuyers\": 1.5"),
                        "malformed-request",
                        "minBuyers"),
                new FieldCase(
                        "maximum quantity beyond int",
                        "POST",
                        deals,
                        deal("\"maxQuantity\": 2147483648"),
                        "malformed-request",
                        "maxQuantity"),
                new FieldCase(
                        "auto refund as text",
                        "POST",
                        deals,
                        deal("\"autoRefundOnExpiry\": \"true\""),
                        "malformed-request",
                        "autoRefundOnExpiry"),
                new FieldCase(
                        "store ids as object",
                        "POST",
                        deals,
                        deal("\"storeIds\": {}"),
                        "malformed-request",
                        "storeIds"),
                new FieldCase(
                        "store ids holding a number",
                        "POST",
                        deals,
                        deal("\"storeIds\": [7]"),
                        "malformed-request",
                        "storeIds"),
                new FieldCase(
                        "sales start at the calendar's end",
                        "POST",
                        deals,
                        deal("\"salesStart\": \"+999999999-12-31T00:00:00Z\""),
                        "validation",
                        "salesStart"),
                new FieldCase(
                        "NUL in a title",
                        "POST",
                        deals,
                        deal("\"title\": \"Free\\u0000Lunch\""),
                        "validation",
                        "title"),
                new FieldCase(
                        "line break in a title",
                        "POST",
                        deals,
                        deal("\"title\": \"Free\\nLunch\""),
                        "validation",
                        "title"),
                new FieldCase(
                        "bell in a description",
                        "POST",
                        deals,
                        deal("\"description\": \"Ring\\u0007\""),
                        "validation",
                        "description"),
                new FieldCase(
                        "C1 control in fine print",
                        "POST",
                        deals,
                        deal("\"finePrint\": \"a\\u009bb\""),
                        "validation",
                        "finePrint"),
                new FieldCase(
                        "lone surrogate in a title",
                        "POST",
                        deals,
                        deal("\"title\": \"a\\ud800b\""),
                        "validation",
                        "title"),
                new FieldCase(
                        "NUL in a store name",
                        "POST",
                        "api/v1/stores",
                        store("Tab\u0000le", "52.5", "13.4"),
                        "validation",
                        "name"),
                new FieldCase(
                        "escape in a store address",
                        "PUT",
                        "api/v1/stores/" + storeId,
                        "{\"name\":\"Moved\",\"address\":\"A\\u001b[2J\",\"latitude\":52.5,\"longitude\":13.4,\"timeZone\":\"Europe/Berlin\"}",
                        "validation",
                        "address"),
                new FieldCase(
                        "latitude as text number",
                        "POST",
                        "api/v1/stores",
                        store("Typed", "\"52.5\"", "13.4"),
                        "malformed-request",
                        "latitude"),
                new FieldCase(
                        "staff name as number",
                        "POST",
                        "api/v1/staff",
                        staffBody.get() + "12}",
                        "malformed-request",
                        "name"),
                new FieldCase(
                        "C1 control in a staff name",
                        "POST",
                        "api/v1/staff",
                        staffBody.get() + "\"Sam\\u0085Staff\"}",
                        "validation",
                        "name"),
                new FieldCase(
                        "NUL in a business name",
                        "PUT",
                        "api/v1/settings",
                        "{\"businessName\":\"Careful\\u0000Curry\",\"timeZone\":\"UTC\",\"undoWindowMinutes\":10}",
                        "validation",
                        "businessName"),
                new FieldCase(
                        "undo window as text",
                        "PUT",
                        "api/v1/settings",
                        "{\"businessName\":\"Careful Curry\",\"timeZone\":\"UTC\",\"undoWindowMinutes\":\"10\"}",
                        "malformed-request",
                        "undoWindowMinutes"),
                new FieldCase(
                        "signup name as boolean",
                        "POST",
                        "api/v1/buyers",
                        "{\"email\":\"" + Fixtures.uniqueEmail("typed") + "\",\"password\":\"" + Fixtures.PASSWORD
                                + "\",\"name\":false}",
                        "malformed-request",
                        "name"),
                new FieldCase(
                        "NUL in a signup email",
                        "POST",
                        "api/v1/merchants",
                        "{\"businessName\":\"Nul Co\",\"email\":\"nul\\u0000" + Fixtures.uniqueEmail("x")
                                + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}",
                        "validation",
                        "email"));

        List<String> failures = new ArrayList<>();
        for (FieldCase c : cases) {
            String token = c.path().startsWith("api/v1/buyers") || c.path().startsWith("api/v1/merchants")
                    ? null
                    : merchant.token();
            Reply reply =
                    http.send(c.method(), c.path(), c.body(), token, c.body() == null ? null : "application/json");
            String where = c.name() + " → " + reply.status() + " " + abbreviate(reply.body());
            if (reply.status() != 400 || !reply.contentType().startsWith("application/problem+json")) {
                failures.add(where + " (expected 400 problem+json)");
                continue;
            }
            JsonObject problem = reply.json();
            List<String> fields = problem.containsKey("errors")
                    ? problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                            .map(e -> e.getString("field"))
                            .toList()
                    : List.of();
            if (!problem.getString("type").equals("/problems/" + c.problem()) || !fields.contains(c.field())) {
                failures.add(where + " (expected " + c.problem() + " naming " + c.field() + ")");
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));

        assertEquals(0, http.get(deals, merchant.token()).json().getInt("total"), "bad requests created deals");
        JsonObject store = assertNoStoreOrStaffMade();
        assertEquals("Teststr. 1, 10115 Berlin", store.getString("address"));
        assertEquals(
                "Careful Curry",
                http.get("api/v1/settings", merchant.token()).json().getString("businessName"));
        assertEquals(200, http.get("api/v1/me", buyer.token()).status(), "the fixtures' buyer still logs in");
    }

    /** Multi-line text keeps its line breaks and tabs: the rule against control characters leaves them alone. */
    @Test
    void multiLineTextKeepsLineBreaksAndTabs() {
        Reply created =
                http.post("api/v1/deals", deal("\"description\": \"First line\\r\\nSecond\\tline\""), merchant.token());
        assertEquals(201, created.status(), created::toString);
        assertEquals("First line\r\nSecond\tline", created.json().getString("description"));
    }

    /**
     * The pages take the same rule: a NUL typed into the settings form's business name is refused with a message and
     * stored nowhere, while the same form with a plain name saves it (so the form is posted the way a browser does).
     */
    @Test
    void pagesRefuseControlCharactersToo() {
        assertEquals(
                "Careful Curry", postSettingsForm("Careful\u0000Curry").getString("businessName"), "a NUL was stored");
        assertEquals("Careful Curry Two", postSettingsForm("Careful Curry Two").getString("businessName"));
    }

    /** Posts the settings page's form with the business name, as a browser would; answers the settings after. */
    private JsonObject postSettingsForm(String businessName) {
        String cookie = "gd_session=" + merchant.token();
        Reply page = http.send("GET", "merchant/settings.xhtml", null, null, null, java.util.Map.of("Cookie", cookie));
        assertEquals(200, page.status(), page::toString);
        // Every cookie the page set goes back, as a browser sends it: a distributable session comes with two
        // (JSESSIONID and JSESSIONIDVERSION).
        String session = String.join(
                "; ",
                page.headers().allValues("Set-Cookie").stream()
                        .map(c -> c.contains(";") ? c.substring(0, c.indexOf(';')) : c)
                        .toList());
        java.util.regex.Matcher state = java.util.regex.Pattern.compile(
                        "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
                .matcher(page.body());
        assertTrue(state.find(), "no view state on the settings page");
        String form = String.join(
                "&",
                "settings=settings",
                "settings%3AbusinessName=" + encode(businessName),
                "settings%3AtimeZone=UTC",
                "settings%3AundoWindow=10",
                "settings%3Asave=Save",
                "jakarta.faces.ViewState=" + encode(state.group(1)));
        Reply posted = http.send(
                "POST",
                "merchant/settings.xhtml",
                form,
                null,
                "application/x-www-form-urlencoded",
                java.util.Map.of("Cookie", cookie + (session.isEmpty() ? "" : "; " + session)));
        assertTrue(posted.status() < 500, posted::toString);
        return http.get("api/v1/settings", merchant.token()).json();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A complete draft deal's body with one member replaced (or added) by {@code member}, such as {@code "title": -1}. */
    private String deal(String member) {
        java.time.Instant start = java.time.Instant.now().plus(java.time.Duration.ofDays(1));
        JsonObject complete = Fixtures.deal(
                        "Careful Lunch", start, start.plus(java.time.Duration.ofDays(2)), List.of(storeId))
                .build();
        String name = member.substring(1, member.indexOf('"', 1));
        String rest = Json.createObjectBuilder(complete).remove(name).build().toString();
        return "{" + member + "," + rest.substring(1);
    }

    @Test
    void validationNamesEveryBrokenField() {
        Reply reply = http.post("api/v1/stores", "{\"latitude\": 95}", merchant.token());
        assertEquals(400, reply.status());
        List<String> fields = reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field"))
                .toList();
        assertTrue(fields.containsAll(List.of("name", "address", "longitude", "timeZone")), fields::toString);
    }

    private static String store(String name, String latitude, String longitude) {
        return "{\"name\":" + Json.createValue(name) + ",\"address\":\"Teststr. 1\",\"latitude\":" + latitude
                + ",\"longitude\":" + longitude + ",\"timeZone\":\"Europe/Berlin\"}";
    }

    /** The merchant still has its one store, unchanged in name, and no staff: answers the store. */
    private JsonObject assertNoStoreOrStaffMade() {
        JsonObject stores = http.get("api/v1/stores", merchant.token()).json();
        assertEquals(1, stores.getInt("total"), "bad requests created stores");
        JsonObject store = stores.getJsonArray("items").getJsonObject(0);
        assertEquals("Careful Curry Mitte", store.getString("name"));
        assertEquals(
                0, http.get("api/v1/staff", merchant.token()).json().getInt("total"), "bad requests created staff");
        return store;
    }

    /** A store in Berlin with the address and time zone given: the ones these cases check. */
    private static String storeWith(String name, String address, String timeZone) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("address", address)
                .add("latitude", 52.5)
                .add("longitude", 13.4)
                .add("timeZone", timeZone)
                .build()
                .toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
