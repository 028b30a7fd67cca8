package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Every route of the served OpenAPI document (read from {@code /openapi}, not listed here) gets hostile path ids,
 * query values and bodies, from every role: never a 5xx, every 4xx a problem+json document, no internals in any answer,
 * and nothing in the database changed.
 *
 * <p>Hostile means invalid by construction, so that no generated request may legitimately change anything: path ids
 * that are not the caller's (another tenant's real ids, except for the operator who may address every tenant; 5000
 * characters, dot segments, NUL, unicode, SQL), query values that break the parameter's documented type or bounds
 * (also the pairs that overflow an offset or reach the end of the calendar), and bodies that are a valid example of
 * the operation's schema with exactly one thing broken: a wrong JSON type, a required member missing or null, a
 * string over every documented length, a control character, an array or scalar instead of the object, malformed
 * JSON. Only GET requests may answer 2xx (a search for {@code ' OR 1=1 --} finds nothing, and that is fine).
 */
// Alone, no other test class alongside: it counts and checksums whole tables (accounts across tenants): another test's
// rows would change them.
@Isolated
class HostileApiIT extends DeployedApp {

    private static final String HUGE = "x".repeat(20_001); // longer than any text member may be
    private static final List<String> LEAKS =
            List.of("Exception", "at io.", "at org.", "SQL", "io.groupdeal", "jakarta.", "eclipse", "Payara", "payara");
    /**
     * Tables whose rows legitimately change on a refused request: {@code throttle} counts every unknown or mistyped
     * code looked up at the counter and every failed login and sign-up (guessing protection and login throttling count
     * them, that is their purpose).
     */
    private static final Set<String> CHANGED_BY_FAILURES = Set.of("throttle");
    /**
     * Columns the summary job clears on its own clock: a coupon's mark of a redemption the dashboard's summaries have
     * not counted yet (V28). The coupon's figures themselves are compared.
     */
    private static final Set<String> CLEARED_BY_THE_SUMMARY_JOB = Set.of("coupon.summary_mark");
    /**
     * The payment sandbox's books have no tenant: the settlement job writes to them for other test classes' deals while
     * this test runs (their deals end on the clock). A payment that a hostile request caused would come with its order,
     * which purchase_order, counted per tenant, shows.
     */
    private static final Set<String> WRITTEN_BY_JOBS_ACROSS_TENANTS = Set.of("sandbox_payment", "sandbox_refund");
    /**
     * The dashboard's summaries: the summary job writes them on its own clock (a new tenant's first summary row, the
     * hour it has summarised up to), and only from orders, coupons and redemptions, which are compared here. A hostile
     * request that changed the figures would show in those tables.
     */
    private static final Set<String> DERIVED_BY_THE_SUMMARY_JOB = Set.of(
            "dashboard_summary",
            "dashboard_hour",
            "dashboard_hour_store",
            "dashboard_hour_sales",
            "dashboard_day",
            "dashboard_day_store",
            "dashboard_stale_hour");
    /**
     * Tables whose rows background work changes while the test runs, so only their number of rows is compared, not
     * their content: the mail outbox (the delivery job marks mails sent), payment tasks (the runner marks them done)
     * and access tokens (each use is recorded).
     */
    private static final Set<String> COUNT_ONLY = Set.of("mail_outbox", "payment_task", "access_token");

    /** What one tenant's fixtures are: the ids of each kind of resource a path can name, and the example bodies. */
    private record World(
            Fixtures.Merchant merchant,
            String storeId,
            String staffId,
            String staffToken,
            String dealId,
            String draftId,
            Fixtures.Person buyer,
            String orderId,
            String usedCode,
            String activeCode,
            String redemptionId,
            String reviewId) {

        /** The id of the resource kind that the path segment before a parameter names (stores/{id}: a store). */
        String id(String kind) {
            return switch (kind) {
                case "tenants" -> merchant.tenantId();
                case "stores" -> storeId;
                case "staff" -> staffId;
                case "deals" -> dealId;
                case "orders" -> orderId;
                case "coupons" -> activeCode;
                case "redemptions" -> redemptionId;
                case "reviews" -> reviewId;
                default -> "01HZZZZZZZZZZZZZZZZZZZZZZZ";
            };
        }
    }

    private record Role(String name, String token) {}

    /** One request; each header named gets a fresh value when it is sent. */
    private record Attempt(
            Role role,
            String method,
            String path,
            String body,
            List<String> headers,
            String why,
            boolean mayAnswerSuccess) {}

    /** Access tokens that expire after this (UTC) outlive the test; the sweeper deletes only expired ones. */
    private final String outlives = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
            .plusMinutes(30)
            .toString()
            .replace('T', ' ');

    private Http http11;
    private World own;
    private World other;
    private List<Role> roles;

    @Test
    void hostileRequestsFromEveryRoleAreRefusedCleanlyAndChangeNothing() throws Exception {
        http11 = http.overHttp11();
        own = world("Hostile Home");
        other = world("Hostile Other");
        roles = List.of(
                new Role("anonymous", null),
                new Role("BUYER", own.buyer().token()),
                new Role("STAFF", own.staffToken()),
                new Role("MERCHANT_ADMIN", own.merchant().token()),
                new Role("PLATFORM_ADMIN", fixtures.token(Fixtures.DEMO_OPERATOR, Fixtures.DEMO_PASSWORD)));

        Reply served = http.send("GET", "openapi", null, null, null, Map.of("Accept", "application/json"));
        assertEquals(200, served.status(), served::toString);
        JsonObject document = served.json();
        JsonObject paths = document.getJsonObject("paths");
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");

        List<Attempt> attempts = new ArrayList<>();
        int operations = 0;
        for (String path : paths.keySet()) {
            for (Map.Entry<String, JsonValue> entry : paths.getJsonObject(path).entrySet()) {
                if (!Set.of("get", "post", "put", "delete", "patch").contains(entry.getKey())) {
                    continue;
                }
                operations++;
                attempts.addAll(attempts(
                        entry.getKey().toUpperCase(), path, entry.getValue().asJsonObject(), schemas));
            }
        }
        assertTrue(operations > 40, "the document names only " + operations + " operations");

        Map<String, String> before = settledSnapshot();
        System.out.printf("HostileApiIT: sending %d requests%n", attempts.size());
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        Instant start = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Attempt attempt : attempts) {
                running.add(pool.submit(() -> {
                    check(attempt, failures);
                    sent.incrementAndGet();
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, String> after = snapshot();
        System.out.printf(
                "HostileApiIT: %d requests on %d operations in %d s, %d answered wrongly%n",
                sent.get(), operations, Duration.between(start, Instant.now()).toSeconds(), failures.size());

        List<String> changed = new ArrayList<>();
        before.forEach((table, rows) -> {
            if (!rows.equals(after.get(table))) {
                changed.add(table + ": " + rows + " → " + after.get(table));
            }
        });
        List<String> shown = failures.stream().sorted().limit(150).toList();
        assertTrue(
                failures.isEmpty() && changed.isEmpty(),
                () -> failures.size() + " bad answers, changed tables " + changed + "\n" + String.join("\n", shown));
    }

    private void check(Attempt attempt, Queue<String> failures) {
        Reply reply;
        String where = attempt.role().name() + " " + attempt.method() + " " + abbreviate(attempt.path(), 160) + " ["
                + attempt.why() + "]";
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            attempt.headers()
                    .forEach(name -> headers.put(name, UUID.randomUUID().toString()));
            reply = send(attempt, headers);
        } catch (RuntimeException e) {
            failures.add(where + " → no answer: " + e);
            return;
        }
        String answer = " → " + reply.status() + " " + abbreviate(reply.body(), 240);
        for (String leak : LEAKS) {
            if (reply.body().contains(leak)) {
                failures.add(where + answer + " (leaks " + leak + ")");
            }
        }
        int status = reply.status();
        if (status >= 500) {
            failures.add(where + answer);
        } else if (status >= 400) {
            if (!reply.contentType().startsWith("application/problem+json")) {
                failures.add(where + answer + " (not problem+json: " + reply.contentType() + ")");
            } else {
                try {
                    JsonObject problem = reply.json();
                    if (problem.getInt("status") != status
                            || !problem.getString("type").startsWith("/problems/")) {
                        failures.add(where + answer + " (not a problem document)");
                    }
                } catch (RuntimeException e) {
                    failures.add(where + answer + " (unreadable problem)");
                }
            }
        } else if (!attempt.mayAnswerSuccess()) {
            failures.add(where + answer + " (hostile request accepted)");
        }
    }

    /**
     * Sends over HTTP/1.1, as curl and most clients do. (The JDK's client otherwise upgrades to HTTP/2, where one
     * request with a 5000-character URL made the server answer every later request on the connection with an empty
     * 431: a finding for the HTTP listener's settings, not for the application.)
     */
    private Reply send(Attempt attempt, Map<String, String> headers) {
        String body = attempt.body() == null ? null : escapeLoneSurrogates(attempt.body());
        return http11.send(
                attempt.method(),
                attempt.path(),
                body,
                attempt.role().token(),
                body == null ? null : "application/json",
                headers);
    }

    /**
     * A lone surrogate cannot be written in UTF-8 (the client would send "?"), so the JSON carries it as the escape
     * {@code \ud800}, which is how a hostile client gets one to the server.
     */
    private static String escapeLoneSurrogates(String json) {
        StringBuilder escaped = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    ? i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))
                    : Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(json.charAt(i - 1));
            if (Character.isSurrogate(c) && !paired) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Every hostile request of one operation, for every role. */
    private List<Attempt> attempts(String method, String path, JsonObject operation, JsonObject schemas) {
        boolean secured = operation.containsKey("security")
                && !operation.getJsonArray("security").isEmpty();
        List<JsonObject> parameters = operation.containsKey("parameters")
                ? operation.getJsonArray("parameters").getValuesAs(JsonObject.class)
                : List.of();
        List<JsonObject> query = parameters.stream()
                .filter(p -> p.getString("in").equals("query"))
                .toList();
        JsonObject bodySchema = bodySchema(operation, schemas);
        boolean readOnly = method.equals("GET");
        Set<String> allowed = allowedRoles(operation, secured);
        List<Attempt> all = new ArrayList<>();
        for (Role role : roles) {
            List<Attempt> attempts = new ArrayList<>();
            boolean operator = role.name().equals("PLATFORM_ADMIN");
            List<String> headers = requiredHeaders(parameters);
            for (String kind : kinds(path)) {
                for (Map.Entry<String, String> id : hostileIds(kind).entrySet()) {
                    if (id.getKey().equals("another tenant's id") && operator && !readOnly) {
                        continue; // the operator may act on every tenant's data: the id is not hostile for it
                    }
                    String target = fill(path, kind, id.getValue());
                    attempts.add(new Attempt(
                            role,
                            method,
                            target,
                            bodySchema == null ? null : example(bodySchema, schemas),
                            headers,
                            "path " + id.getKey(),
                            readOnly));
                }
            }
            String ownPath = fill(path, null, null);
            for (JsonObject parameter : query) {
                String name = parameter.getString("name");
                JsonObject schema = parameter.getJsonObject("schema");
                for (String value : hostileQueryValues(schema, readOnly)) {
                    attempts.add(new Attempt(
                            role,
                            method,
                            ownPath + "?" + name + "=" + encode(value),
                            null,
                            headers,
                            "query " + name + "=" + abbreviate(value, 30),
                            readOnly));
                }
            }
            if (readOnly) {
                for (JsonObject first : query) {
                    for (JsonObject second : query) {
                        if (first == second) {
                            continue;
                        }
                        for (String[] pair : List.of(
                                new String[] {"21474837", "100"},
                                new String[] {"+999999999-12-31", "+999999999-12-31"},
                                new String[] {"0001-01-01", "9999-12-31"})) {
                            String q = first.getString("name") + "=" + encode(pair[0]) + "&" + second.getString("name")
                                    + "=" + encode(pair[1]);
                            attempts.add(
                                    new Attempt(role, method, ownPath + "?" + q, null, headers, "query " + q, true));
                        }
                    }
                }
            }
            if (bodySchema != null) {
                for (Map.Entry<String, String> body :
                        hostileBodies(bodySchema, schemas).entrySet()) {
                    attempts.add(new Attempt(
                            role, method, ownPath, body.getValue(), headers, "body " + body.getKey(), false));
                }
            }
            all.addAll(allowed.contains(role.name()) ? attempts : sample(attempts, 12));
        }
        return all;
    }

    /**
     * The roles that the operation's description names ("Role: STAFF ... or MERCHANT_ADMIN", "any logged-in account");
     * anonymous for a public route. They get every hostile request; the others, refused for their role anyway, a sample.
     */
    private Set<String> allowedRoles(JsonObject operation, boolean secured) {
        if (!secured) {
            return Set.of("anonymous");
        }
        String description = operation.getString("description", "");
        String named =
                description.startsWith("Role: ") ? description.substring(0, (description + ".").indexOf('.')) : "";
        Set<String> allowed = new java.util.HashSet<>();
        for (Role role : roles) {
            if (!role.name().equals("anonymous") && (named.contains(role.name()) || named.contains("any logged-in"))) {
                allowed.add(role.name());
            }
        }
        return allowed.isEmpty()
                ? roles.stream().map(Role::name).collect(java.util.stream.Collectors.toSet())
                : allowed;
    }

    /** Up to {@code count} of the attempts, spread evenly over paths, queries and bodies. */
    private static List<Attempt> sample(List<Attempt> attempts, int count) {
        if (attempts.size() <= count) {
            return attempts;
        }
        List<Attempt> sample = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sample.add(attempts.get(i * attempts.size() / count));
        }
        return sample;
    }

    /** The headers the operation requires (an order needs its Idempotency-Key before its body counts). */
    private static List<String> requiredHeaders(List<JsonObject> parameters) {
        return parameters.stream()
                .filter(p -> p.getString("in").equals("header") && p.getBoolean("required", false))
                .map(p -> p.getString("name"))
                .toList();
    }

    /** The resource kinds that the path's parameters name: {@code /stores/{id}} names a store. */
    private static List<String> kinds(String path) {
        List<String> kinds = new ArrayList<>();
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].startsWith("{")) {
                kinds.add(segments[i - 1]);
            }
        }
        return kinds;
    }

    /** The path with the parameter after {@code kind} set to {@code value} (encoded) and every other to the caller's own id. */
    private String fill(String path, String kind, String value) {
        StringBuilder filled = new StringBuilder();
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            filled.append(i == 1 ? "" : "/");
            if (segments[i].startsWith("{")) {
                filled.append(segments[i - 1].equals(kind) ? value : encode(own.id(segments[i - 1])));
            } else {
                filled.append(segments[i]);
            }
        }
        return filled.toString();
    }

    /** Ids that are not the caller's, already encoded for a path. */
    private Map<String, String> hostileIds(String kind) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("another tenant's id", encode(other.id(kind)));
        ids.put("5000 characters", "A".repeat(5000));
        // Two levels up stays within /api; further up a client reaches the pages, whose answers are HTML for people.
        ids.put("dot segments", "..%2F..%2F");
        ids.put("NUL", "%00");
        ids.put("NUL in an id", encode(own.id(kind)) + "%00");
        ids.put("unicode", encode("ünï©ødé-😀-\u202e"));
        ids.put("SQL", encode("' OR 1=1 --"));
        ids.put("negative", "-1");
        ids.put("control character", "%07%1B");
        return ids;
    }

    /**
     * Query values that break the parameter's documented type or bounds; on a GET also values of the wrong kind for any
     * parameter (a GET changes nothing, whatever it answers).
     */
    private static List<String> hostileQueryValues(JsonObject schema, boolean readOnly) {
        List<String> values = new ArrayList<>(List.of(HUGE.substring(0, 5000), "\u0000", "a\u0007b"));
        String type = schema.getString("type", "string");
        if (type.equals("integer") || type.equals("number")) {
            values.addAll(List.of("abc", "1e400", "99999999999999999999", "2147483648", "-2147483649", "NaN", "1.5"));
            if (schema.containsKey("minimum")) {
                values.add(String.valueOf(schema.getJsonNumber("minimum").longValue() - 1));
            }
            if (schema.containsKey("maximum")) {
                values.add(String.valueOf(schema.getJsonNumber("maximum").longValue() + 1));
            }
        }
        if (schema.getString("format", "").equals("date")) {
            values.addAll(List.of("+999999999-12-31", "-999999999-01-01", "2026-02-30", "yesterday", "0000-00-00"));
        }
        if (readOnly) {
            values.addAll(List.of(
                    "-1",
                    "21474837",
                    "99999999999999999999",
                    "1e400",
                    "NaN",
                    "+999999999-12-31",
                    "' OR 1=1 --",
                    "ünï©ødé-😀",
                    "true",
                    "../../etc/passwd",
                    "%00"));
        }
        return values;
    }

    /** The request body's schema, with its reference resolved; null when the operation takes none. */
    private static JsonObject bodySchema(JsonObject operation, JsonObject schemas) {
        if (!operation.containsKey("requestBody")) {
            return null;
        }
        JsonObject content = operation.getJsonObject("requestBody").getJsonObject("content");
        JsonObject json = content.getJsonObject("application/json");
        return json == null ? null : resolve(json.getJsonObject("schema"), schemas);
    }

    private static JsonObject resolve(JsonObject schema, JsonObject schemas) {
        if (schema.containsKey("$ref")) {
            String ref = schema.getString("$ref");
            return schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    /**
     * Bodies that are a valid example of the schema with one thing broken, each named: every property with every
     * wrong JSON type, over long, with control characters or a lone surrogate; each required property missing or null;
     * every property null; the object as an array, a scalar, malformed or truncated JSON.
     */
    private Map<String, String> hostileBodies(JsonObject schema, JsonObject schemas) {
        Map<String, String> bodies = new LinkedHashMap<>();
        String example = example(schema, schemas);
        JsonObject valid = Json.createReader(new java.io.StringReader(example)).readObject();
        JsonObject properties = schema.getJsonObject("properties");
        List<String> required = schema.containsKey("required")
                ? schema.getJsonArray("required").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList()
                : List.of();
        for (String property : properties.keySet()) {
            JsonObject type = resolve(properties.getJsonObject(property), schemas);
            for (Map.Entry<String, JsonValue> wrong : wrongValues(type).entrySet()) {
                bodies.put(
                        property + " " + wrong.getKey(),
                        Json.createObjectBuilder(valid)
                                .add(property, wrong.getValue())
                                .build()
                                .toString());
            }
            if (required.contains(property)) {
                bodies.put(
                        property + " missing",
                        Json.createObjectBuilder(valid).remove(property).build().toString());
                bodies.put(
                        property + " null",
                        Json.createObjectBuilder(valid)
                                .addNull(property)
                                .build()
                                .toString());
            }
        }
        JsonObjectBuilder nulls = Json.createObjectBuilder();
        properties.keySet().forEach(nulls::addNull);
        bodies.put("every property null", nulls.build().toString());
        bodies.put("empty object", "{}");
        bodies.put("array instead of object", "[" + example + "]");
        bodies.put("string instead of object", "\"" + "x".repeat(20) + "\"");
        bodies.put("number instead of object", "12");
        bodies.put("JSON null", "null");
        bodies.put("truncated JSON", example.substring(0, example.length() / 2));
        bodies.put("malformed JSON", "{\"a\": [1, 2}, ]");
        bodies.put("deeply nested", "[".repeat(5000) + "]".repeat(5000));
        bodies.put(
                "duplicate wrong member",
                example.substring(0, example.length() - 1) + ",\""
                        + properties.keySet().iterator().next() + "\": {}}");
        return bodies;
    }

    /** Values that break a property's schema: wrong JSON types, and for strings lengths and characters none allows. */
    private static Map<String, JsonValue> wrongValues(JsonObject schema) {
        Map<String, JsonValue> values = new LinkedHashMap<>();
        JsonValue object = Json.createObjectBuilder().add("a", 1).build();
        JsonValue array = Json.createArrayBuilder().add("x").build();
        switch (schema.getString("type", "object")) {
            case "string" -> {
                values.put("as number", Json.createValue(-1));
                values.put("as boolean", JsonValue.TRUE);
                values.put("as object", object);
                values.put("as array", array);
                values.put("of 20001 characters", Json.createValue(HUGE));
                values.put("with NUL", Json.createValue("ab\u0000c"));
                values.put("with bell", Json.createValue("\u0007"));
                values.put("with C1 control", Json.createValue("a\u009bb"));
                values.put("with lone surrogate", Json.createValue("a\ud800b"));
            }
            case "integer" -> {
                values.put("as string", Json.createValue("1"));
                values.put("as fraction", Json.createValue(1.5));
                values.put("as boolean", JsonValue.TRUE);
                values.put("as object", object);
                values.put("as array", Json.createArrayBuilder().add(1).build());
                values.put("beyond long", Json.createValue(new java.math.BigInteger("99999999999999999999")));
                values.put("beyond int", Json.createValue(2_147_483_648L));
                values.put("1e400", Json.createValue(new java.math.BigDecimal("1e400")));
            }
            case "number" -> {
                values.put("as string", Json.createValue("52.5"));
                values.put("as boolean", JsonValue.FALSE);
                values.put("as object", object);
                values.put("as array", Json.createArrayBuilder().add(1).build());
                values.put("1e400", Json.createValue(new java.math.BigDecimal("1e400")));
            }
            case "boolean" -> {
                values.put("as string", Json.createValue("true"));
                values.put("as number", Json.createValue(1));
                values.put("as object", object);
            }
            case "array" -> {
                values.put("as object", object);
                values.put("as string", Json.createValue("x"));
                values.put("as number", Json.createValue(7));
                values.put(
                        "with an object", Json.createArrayBuilder().add(object).build());
                values.put("with a number", Json.createArrayBuilder().add(-1).build());
                values.put("with NUL", Json.createArrayBuilder().add("\u0000").build());
                values.put(
                        "of 1001 items",
                        Json.createArrayBuilder(java.util.Collections.nCopies(1001, "x"))
                                .build());
            }
            default -> {
                values.put("as string", Json.createValue("x"));
                values.put("as array", array);
            }
        }
        return values;
    }

    /** A valid example of a request schema, made of the caller's own fixtures; schemas unknown here get plain values. */
    private String example(JsonObject schema, JsonObject schemas) {
        JsonObject properties = schema.getJsonObject("properties");
        Instant now = Instant.now();
        Map<String, JsonValue> known = new LinkedHashMap<>();
        known.put("email", Json.createValue(Fixtures.uniqueEmail("hostile")));
        known.put("password", Json.createValue(Fixtures.PASSWORD));
        known.put("businessName", Json.createValue("Hostile Business"));
        known.put("name", Json.createValue("Hostile Name"));
        known.put("commissionRate", Json.createValue("0.10"));
        known.put("address", Json.createValue("Teststr. 1"));
        known.put("latitude", Json.createValue(52.52));
        known.put("longitude", Json.createValue(13.405));
        known.put("timeZone", Json.createValue("Europe/Berlin"));
        known.put("storeIds", Json.createArrayBuilder().add(own.storeId()).build());
        known.put("storeId", Json.createValue(own.storeId()));
        known.put("dealId", Json.createValue(own.dealId()));
        known.put("quantity", Json.createValue(1));
        known.put("paymentToken", Json.createValue("tok_ok"));
        known.put("code", Json.createValue(own.activeCode()));
        known.put("couponCode", Json.createValue(own.activeCode()));
        known.put("reason", Json.createValue("Typed the wrong code"));
        known.put("undoWindowMinutes", Json.createValue(10));
        known.put("rating", Json.createValue(4));
        known.put("comment", Json.createValue("Good value"));
        known.put("text", Json.createValue("Thank you"));
        JsonObject deal = Fixtures.deal(
                        "Hostile Deal",
                        now.plus(Duration.ofDays(1)),
                        now.plus(Duration.ofDays(3)),
                        List.of(own.storeId()))
                .build();
        JsonObjectBuilder example = Json.createObjectBuilder();
        for (String property : properties.keySet()) {
            JsonValue value = known.containsKey(property) ? known.get(property) : deal.get(property);
            if (value == null) {
                value = switch (resolve(properties.getJsonObject(property), schemas)
                        .getString("type", "string")) {
                    case "integer", "number" -> Json.createValue(1);
                    case "boolean" -> JsonValue.FALSE;
                    case "array" -> JsonValue.EMPTY_JSON_ARRAY;
                    default -> Json.createValue("plain");
                };
            }
            example.add(property, value);
        }
        return example.build().toString();
    }

    /**
     * One tenant's data, so that every kind of id a path names exists: a store, a staff member there, a deal on sale
     * and a draft, a buyer's order of two coupons (one redeemed and reviewed, one active), the redemption and the review.
     */
    private World world(String name) {
        Fixtures.Merchant merchant = fixtures.merchant(name);
        String storeId = fixtures.newStore(merchant.token(), name + " Store").getString("id");
        JsonObject staff = fixtures.newStaff(merchant.token(), List.of(storeId));
        String staffToken = fixtures.token(staff.getString("email"), Fixtures.PASSWORD);
        String dealId = buying.dealOnSaleAt(merchant, name + " Lunch", storeId);
        Instant later = Instant.now().plus(Duration.ofDays(10));
        String draftId = fixtures.newDeal(
                        merchant.token(),
                        Fixtures.deal(name + " Draft", later, later.plus(Duration.ofDays(2)), List.of()))
                .getString("id");
        Fixtures.Person buyer = fixtures.buyer();
        Reply order = buying.buy(buyer, dealId, 2);
        assertEquals(201, order.status(), order::toString);
        JsonArray coupons = order.json().getJsonArray("coupons");
        String used = coupons.getJsonObject(0).getString("code");
        String active = coupons.getJsonObject(1).getString("code");
        Reply redeemed = counter.redeem(staffToken, used, storeId);
        assertEquals(201, redeemed.status(), redeemed::toString);
        Reply review = http.post(
                "api/v1/reviews",
                Json.createObjectBuilder()
                        .add("couponCode", used)
                        .add("rating", 5)
                        .add("comment", "Lovely")
                        .build()
                        .toString(),
                buyer.token());
        assertEquals(201, review.status(), review::toString);
        return new World(
                merchant,
                storeId,
                staff.getString("id"),
                staffToken,
                dealId,
                draftId,
                buyer,
                order.json().getString("id"),
                used,
                active,
                redeemed.json().getString("id"),
                review.json().getString("id"));
    }

    /**
     * The {@link #snapshot()} once the fixtures' rows have stopped moving: the jobs (every 2 to 5 s) finish what the
     * fixtures' purchase set going, such as the deal's tipping, on their own clock, and a change of theirs during the
     * hostile requests would be taken for one of the requests'. Two snapshots 6 s apart must agree, at most a minute.
     */
    private Map<String, String> settledSnapshot() throws SQLException, InterruptedException {
        Map<String, String> last = snapshot();
        for (int i = 0; i < 10; i++) {
            Thread.sleep(6_000);
            Map<String, String> now = snapshot();
            if (now.equals(last)) {
                return now;
            }
            System.out.println("HostileApiIT: the fixtures' rows still moved: " + last + " -> " + now);
            last = now;
        }
        return last;
    }

    /**
     * Per table, the number of rows and a checksum of their content, counted over the fixtures' two tenants where the
     * table has a tenant, else over the whole table; tables of the database's own bookkeeping and the excluded ones above
     * are left out. Access tokens are counted only when they outlive the test, since expired ones are swept meanwhile.
     */
    private Map<String, String> snapshot() throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        try (Connection db = DriverManager.getConnection(System.getProperty("deal.it.db.url"), "deal", "deal");
                Statement statement = db.createStatement()) {
            Map<String, List<String>> columns = new TreeMap<>();
            try (ResultSet rs = statement.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                    + " WHERE table_schema = DATABASE() ORDER BY table_name, ordinal_position")) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                            .add(rs.getString(2));
                }
            }
            String tenants =
                    "('" + own.merchant().tenantId() + "','" + other.merchant().tenantId() + "')";
            for (Map.Entry<String, List<String>> table : columns.entrySet()) {
                String name = table.getKey();
                if (CHANGED_BY_FAILURES.contains(name)
                        || WRITTEN_BY_JOBS_ACROSS_TENANTS.contains(name)
                        || DERIVED_BY_THE_SUMMARY_JOB.contains(name)) {
                    continue;
                }
                List<String> cols = table.getValue().stream()
                        .filter(c -> !CLEARED_BY_THE_SUMMARY_JOB.contains(name + "." + c))
                        .toList();
                // Accounts are counted across tenants: buyers and signups have none (or a new one) yet.
                String where = cols.contains("tenant_id") && !name.equals("account")
                        ? " WHERE tenant_id IN " + tenants
                        : cols.contains("expires_at") ? " WHERE expires_at > '" + outlives + "'" : "";
                String content = COUNT_ONLY.contains(name)
                        ? "0"
                        : "COALESCE(BIT_XOR(CRC32(CONCAT_WS('|', "
                                + String.join(
                                        ", ",
                                        cols.stream().map(c -> "`" + c + "`").toList()) + "))), 0)";
                try (ResultSet rs =
                        statement.executeQuery("SELECT COUNT(*), " + content + " FROM `" + name + "`" + where)) {
                    rs.next();
                    tables.put(name, rs.getLong(1) + " rows #" + rs.getString(2));
                }
            }
        }
        return tables;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text, int length) {
        return text.length() > length ? text.substring(0, length) + "…" : text;
    }
}
