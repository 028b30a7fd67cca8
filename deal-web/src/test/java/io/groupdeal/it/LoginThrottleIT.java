package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Login and sign-up throttling and the bound on password hashing, as a client sees them. The IT server trusts
 * 127.0.0.1 as a proxy (ItServer), so each test is a client of its own address through
 * {@code X-Forwarded-For}; every other IT has the address 127.0.0.1, whose limit is out of reach there.
 */
// Alone, no other test class alongside: it floods the server's hashing queue: every other test's sign-up and login
// would be refused busy.
@Isolated
class LoginThrottleIT extends DeployedApp {

    /** The per-email limit: production's, 10 failed logins in 15 minutes. */
    private static final int LOGIN_LIMIT = 10;
    /** {@code deal.throttle.address.limit} of the IT server (ItServer). */
    private static final int ADDRESS_LIMIT = 100_000;

    @Test
    void tenFailedLoginsLockTheEmailAlsoForTheRightPasswordAndFromAnyAddress() {
        Fixtures.Person buyer = fixtures.buyer();
        String address = fakeAddress();
        assertEquals(201, login(buyer.email(), Fixtures.PASSWORD, address).status(), "the right password");
        for (int i = 1; i < LOGIN_LIMIT; i++) {
            Reply wrong = login(buyer.email(), "not-the-password", address);
            assertEquals(401, wrong.status(), "failure " + i + ": " + wrong);
        }
        assertEquals(201, login(buyer.email(), Fixtures.PASSWORD, address).status(), "a right password does not count");
        assertEquals(401, login(buyer.email(), "not-the-password", address).status(), "the tenth failure");

        Reply locked = login(buyer.email(), "not-the-password", address);
        assertRateLimited(locked, 15 * 60);
        assertRateLimited(login(buyer.email(), Fixtures.PASSWORD, address), 15 * 60);
        assertRateLimited(login(buyer.email().toUpperCase(), Fixtures.PASSWORD, fakeAddress()), 15 * 60);
        assertEquals(200, http.get("api/v1/me", buyer.token()).status(), "tokens issued before keep working");
        assertEquals(
                201, login(fixtures.buyer().email(), Fixtures.PASSWORD, address).status(), "the lock is per email");
    }

    @Test
    void anUnknownEmailIsThrottledLikeAKnownOne() {
        String nobody = Fixtures.uniqueEmail("nobody");
        String address = fakeAddress();
        for (int i = 1; i <= LOGIN_LIMIT; i++) {
            Reply wrong = login(nobody, "not-the-password", address);
            assertEquals(401, wrong.status(), "failure " + i + ": " + wrong);
            assertEquals("bad-credentials", wrong.problem());
        }
        assertRateLimited(login(nobody, "not-the-password", address), 15 * 60);
        Reply malformed = login("not an email " + nobody, "not-the-password", address);
        assertEquals(401, malformed.status(), "what is no email at all is counted by its text: " + malformed);
    }

    @Test
    void parallelWrongLoginsNeverCheckMorePasswordsThanTheLimit() throws Exception {
        Fixtures.Person buyer = fixtures.buyer();
        String address = fakeAddress();
        List<Reply> burst = parallel(LOGIN_LIMIT + 6, i -> login(buyer.email(), "not-the-password", address));
        for (Reply reply : burst) {
            assertTrue(List.of(401, 429, 503).contains(reply.status()), reply::toString);
        }
        long checked = burst.stream().filter(r -> r.status() == 401).count();
        assertTrue(checked <= LOGIN_LIMIT, burst::toString);
        // Whatever the burst left (a busy answer counts nothing): the rest, one by one, up to the limit exactly.
        for (long i = checked; i < LOGIN_LIMIT; i++) {
            Reply wrong = login(buyer.email(), "not-the-password", address);
            assertEquals(401, wrong.status(), "failure " + (i + 1) + " after the burst: " + wrong + "; burst " + burst);
            checked++;
        }
        assertRateLimited(login(buyer.email(), Fixtures.PASSWORD, address), 15 * 60);
        assertEquals(LOGIN_LIMIT, checked);
    }

    @Test
    void anAddressThatUsedItsAttemptsIsRefusedLoginsAndSignups() throws Exception {
        String address = fakeAddress();
        Fixtures.Person buyer = fixtures.buyer();
        // The IT server's limit is out of reach by requests: the address starts with all but two of its attempts used.
        try (Connection c = AccountsIT.database();
                PreparedStatement s =
                        c.prepareStatement("INSERT INTO throttle (subject, window_start, attempts) VALUES (?, ?, ?)")) {
            s.setString(1, "address:" + address);
            s.setObject(2, LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
            s.setInt(3, ADDRESS_LIMIT - 2);
            s.executeUpdate();
        }
        assertEquals(
                201, signUp(Fixtures.uniqueEmail("from-busy-address"), address).status(), "a sign-up counts");
        assertEquals(201, login(buyer.email(), Fixtures.PASSWORD, address).status(), "a right password does not count");
        assertEquals(
                401,
                login(Fixtures.uniqueEmail("nobody"), "not-the-password", address)
                        .status(),
                "a failure counts");

        assertRateLimited(signUp(Fixtures.uniqueEmail("refused"), address), 15 * 60);
        assertRateLimited(login(buyer.email(), Fixtures.PASSWORD, address), 15 * 60);
        assertEquals(
                201, login(buyer.email(), Fixtures.PASSWORD, fakeAddress()).status(), "another address is not limited");
        assertEquals(
                201, signUp(Fixtures.uniqueEmail("elsewhere"), fakeAddress()).status());
    }

    @Test
    void aFloodOfLoginsIsBoundedAndTheRestOfTheProductKeepsAnswering() throws Exception {
        // More logins at once than may wait for a hashing turn (ItServer: two hash at once, 24 wait): the others
        // are answered 503 busy at once, whatever the machine's speed; meanwhile /health and the catalog answer as
        // usual.
        int flood = 80;
        AtomicBoolean flooding = new AtomicBoolean(true);
        List<Long> healthMillis = Collections.synchronizedList(new ArrayList<>());
        List<Integer> healthStatuses = Collections.synchronizedList(new ArrayList<>());
        Thread watcher = new Thread(() -> {
            while (flooding.get()) {
                long start = System.nanoTime();
                Reply health = http.get(
                        ThreadLocalRandom.current().nextBoolean() ? "health" : "api/v1/catalog/deals?size=5", null);
                healthMillis.add((System.nanoTime() - start) / 1_000_000);
                healthStatuses.add(health.status());
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        assertEquals(200, http.get("health", null).status(), "warm");
        assertEquals(200, http.get("api/v1/catalog/deals?size=5", null).status(), "warm");
        List<Reply> replies;
        watcher.start();
        try {
            replies = parallel(flood, i -> login(Fixtures.uniqueEmail("flood"), "not-the-password", fakeAddress()));
        } finally {
            flooding.set(false);
            watcher.join(60_000);
        }
        List<Reply> busy = replies.stream().filter(r -> r.status() == 503).toList();
        for (Reply reply : replies) {
            assertTrue(reply.status() == 401 || reply.status() == 503, reply::toString);
        }
        assertTrue(
                !busy.isEmpty(),
                "some logins of the flood are answered busy: "
                        + replies.stream().map(Reply::status).toList());
        Reply first = busy.get(0);
        assertEquals("busy", first.problem());
        assertTrue(first.contentType().startsWith("application/problem+json"), first.contentType());
        long retryAfter =
                Long.parseLong(first.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);

        assertTrue(healthMillis.size() >= 10, "watched " + healthMillis.size() + " times");
        assertTrue(healthStatuses.stream().allMatch(s -> s == 200), healthStatuses::toString);
        List<Long> sorted = healthMillis.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        long p90 = sorted.get(sorted.size() * 9 / 10);
        // Generous: the machine that runs the ITs is shared; without the bound, 80 hashes at once take every core.
        assertTrue(median < 1_000 && p90 < 2_000, "/health and the catalog during the flood, ms: " + sorted);
    }

    @Test
    void aLockedAddressIsRefusedBeforeItsRequestIsRead() throws Exception {
        String address = fakeAddress();
        try (Connection c = AccountsIT.database();
                PreparedStatement s =
                        c.prepareStatement("INSERT INTO throttle (subject, window_start, attempts) VALUES (?, ?, ?)")) {
            s.setString(1, "address:" + address);
            s.setObject(2, LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
            s.setInt(3, ADDRESS_LIMIT);
            s.executeUpdate();
        }
        assertRateLimited(login(Fixtures.uniqueEmail("nobody"), "not-the-password", address), 15 * 60);
        // The server has seen the lock: what comes from that address is refused unread (a body that is no JSON would
        // otherwise be a 400), logins and sign-ups alike, with the same answer.
        assertRateLimited(send("api/v1/auth/tokens", "{not json", address), 15 * 60);
        assertRateLimited(send("api/v1/buyers", "{not json", address), 15 * 60);
        assertEquals(400, send("api/v1/auth/tokens", "{not json", fakeAddress()).status(), "another address is read");
    }

    @Test
    void whileNoHashingTurnIsFreeALoginIsRefusedBusyBeforeItIsRead() throws Exception {
        // A flood in a closed loop (each thread sends its next wrong login when answered) keeps every hashing turn and
        // the whole queue taken (ItServer: two hash at once, 24 wait); meanwhile logins whose body is no JSON at
        // all are answered 503 busy, as a valid one is: the refusal comes before anything reads the request.
        int flood = 60;
        AtomicBoolean flooding = new AtomicBoolean(true);
        List<Integer> floodStatuses = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(flood);
        List<Reply> probes = new ArrayList<>();
        try {
            for (int i = 0; i < flood; i++) {
                pool.execute(() -> {
                    while (flooding.get()) {
                        floodStatuses.add(login(Fixtures.uniqueEmail("flood"), "not-the-password", fakeAddress())
                                .status());
                    }
                });
            }
            Thread.sleep(2_000);
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < until && probes.stream().noneMatch(r -> r.status() == 503)) {
                probes.add(send("api/v1/auth/tokens", "{not json", fakeAddress()));
                Thread.sleep(100);
            }
        } finally {
            flooding.set(false);
            pool.shutdown();
            assertTrue(pool.awaitTermination(120, java.util.concurrent.TimeUnit.SECONDS), "the flood drained");
        }
        for (Reply probe : probes) {
            assertTrue(probe.status() == 400 || probe.status() == 503, probe::toString);
        }
        Reply busy = probes.stream()
                .filter(r -> r.status() == 503)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no login refused busy before it was read: " + probes));
        assertEquals("busy", busy.problem());
        assertEquals(503, busy.json().getInt("status"));
        assertTrue(busy.contentType().startsWith("application/problem+json"), busy.contentType());
        long retryAfter =
                Long.parseLong(busy.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertTrue(floodStatuses.stream().allMatch(s -> s == 401 || s == 503), () -> "the flood: " + floodStatuses);
    }

    @Test
    void overPlainHttp11ALoginRefusedBusyIsAnsweredWhenItsWaitWouldHaveRunOut() throws Exception {
        // As above, a flood keeps every hashing turn and the whole queue taken; meanwhile logins over plain HTTP/1.1
        // (as curl, browsers behind a proxy and most clients send them) that are refused busy are held without a
        // thread and answered when their wait for a turn would have run out (ItServer: 25 s), so that a client
        // that waits for its answer cannot come straight back; the connection then serves the client's next request.
        int flood = 60;
        AtomicBoolean flooding = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(flood);
        HttpClient plain = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        List<String> probes = new ArrayList<>();
        Reply held = null;
        long heldMillis = 0;
        try {
            for (int i = 0; i < flood; i++) {
                pool.execute(() -> {
                    while (flooding.get()) {
                        login(Fixtures.uniqueEmail("flood"), "not-the-password", fakeAddress());
                    }
                });
            }
            Thread.sleep(2_000);
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (held == null && System.nanoTime() < until) {
                long start = System.nanoTime();
                Reply probe = send(plain, "api/v1/auth/tokens", "{not json", fakeAddress());
                long millis = (System.nanoTime() - start) / 1_000_000;
                probes.add(probe.status() + " after " + millis + " ms");
                assertTrue(probe.status() == 400 || probe.status() == 503, probe::toString);
                if (probe.status() == 503) {
                    held = probe;
                    heldMillis = millis;
                }
            }
        } finally {
            flooding.set(false);
            pool.shutdown();
            assertTrue(pool.awaitTermination(120, java.util.concurrent.TimeUnit.SECONDS), "the flood drained");
        }
        assertTrue(held != null, "no login refused busy over HTTP/1.1: " + probes);
        assertTrue(heldMillis >= 24_000 && heldMillis < 50_000, "answered when its wait would have run out: " + probes);
        assertEquals("busy", held.problem());
        assertTrue(held.contentType().startsWith("application/problem+json"), held.contentType());
        long retryAfter =
                Long.parseLong(held.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(
                400,
                send(plain, "api/v1/auth/tokens", "{not json", fakeAddress()).status(),
                "the connection serves the next request once the flood is over");
    }

    private Reply login(String email, String password, String address) {
        return send("api/v1/auth/tokens", Fixtures.credentials(email, password), address);
    }

    private Reply signUp(String email, String address) {
        return send(
                "api/v1/buyers",
                Json.createObjectBuilder()
                        .add("email", email)
                        .add("password", Fixtures.PASSWORD)
                        .add("name", "Throttled Buyer")
                        .build()
                        .toString(),
                address);
    }

    /** A request as a client at {@code address} behind the trusted proxy; a longer wait than {@link Http}'s. */
    private Reply send(String path, String json, String address) {
        return send(CLIENT, path, json, address);
    }

    private Reply send(HttpClient client, String path, String json, String address) {
        HttpRequest request = HttpRequest.newBuilder(http.base().resolve(path))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A random private address (10.0.0.0/8): no other test uses it. */
    private static String fakeAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static void assertRateLimited(Reply reply, long window) {
        assertEquals(429, reply.status(), reply::toString);
        assertEquals("rate-limited", reply.problem());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        long retryAfter =
                Long.parseLong(reply.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= window, "Retry-After " + retryAfter);
        assertEquals(retryAfter, reply.json().getJsonNumber("retryAfterSeconds").longValue());
    }

    private interface Call {
        Reply call(int i) throws Exception;
    }

    private static List<Reply> parallel(int count, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Callable<Reply>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                calls.add(() -> call.call(n));
            }
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> f : pool.invokeAll(calls)) {
                replies.add(f.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
