package io.groupdeal.it;

import static io.groupdeal.it.ProxiedClients.fakeAddress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.devserver.ItDatabase;
import io.groupdeal.devserver.ItMailServer;
import io.groupdeal.devserver.ItSandbox;
import io.groupdeal.devserver.ItServer;
import io.groupdeal.devserver.Readiness;
import java.net.URL;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The bound on password hashing (HashingGate, LoginRefusals) under floods of logins, as a client sees it. On a Payara
 * Micro of its own that hashes at the production cost ({@code DEAL_PASSWORD_ITERATIONS} unset: 600,000 PBKDF2
 * iterations, about a core-second a hash): the run's shared server hashes at the platform's least (ItServer), so
 * cheaply that no flood keeps its hashing turns taken. Otherwise it has the shared server's settings: the IT database
 * and mail server, the shared server's payment sandbox (it starts none of its own), 127.0.0.1 a trusted proxy, two
 * hashes at once with no pause, 24 logins waiting for a turn up to 5 s (the default).
 */
// Alone, no other test class alongside: its server's start and its floods take both cores, and the waits of other
// tests would run out.
@Isolated
class HashingFloodIT {

    private static final Duration BOOT = Duration.ofSeconds(240);

    /** How long a login waits for a hashing turn: the product's default. */
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static LaunchedMicro micro;
    private static Http http;
    private static ProxiedClients clients;

    @BeforeAll
    static void start() throws Exception {
        ItServer.url(); // the run's database, mail server and sandbox are up, and their ports known
        int port = LaunchedMicro.freePort();
        micro = LaunchedMicro.startOptimised(
                "hashing-flood",
                port,
                Map.ofEntries(
                        Map.entry("DEAL_DB_URL", System.getProperty(ItDatabase.URL_PROPERTY)),
                        Map.entry("DEAL_ALLOW_SANDBOX", "true"),
                        Map.entry("DEAL_SMTP_PORT", System.getProperty(ItMailServer.PORT_PROPERTY)),
                        Map.entry(
                                "DEAL_SANDBOX_URL", "http://127.0.0.1:" + System.getProperty(ItSandbox.PORT_PROPERTY)),
                        Map.entry("DEAL_TRUSTED_PROXIES", "127.0.0.1"),
                        Map.entry("DEAL_THROTTLE_ADDRESS_LIMIT", "100000"),
                        Map.entry("DEAL_HASHING_CONCURRENCY", "2"),
                        Map.entry("DEAL_HASHING_SHARE", "1"),
                        Map.entry("DEAL_HASHING_QUEUE", "24"),
                        Map.entry("DEAL_HASHING_WAIT", WAIT.toString())));
        Readiness readiness = Readiness.ofPort(String.valueOf(port));
        assertTrue(
                readiness.await(micro.process()::isAlive, BOOT),
                () -> "the flood's server not ready within " + BOOT + " (" + readiness.last() + "); its log: "
                        + tail());
        http = new Http(new URL("http://127.0.0.1:" + port + "/"));
        clients = new ProxiedClients(http.base());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (micro != null) {
            micro.stop();
        }
    }

    private static String tail() {
        try {
            return micro.tail();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void byDefaultAPasswordIsHashedWithOwaspsIterationsAndCheckedWithItsOwnAnywhere() throws Exception {
        String email = Fixtures.uniqueEmail("owasp");
        Reply signUp = clients.signUp(email, fakeAddress());
        assertEquals(201, signUp.status(), signUp::toString);
        try (Connection c = AccountsIT.database();
                PreparedStatement s = c.prepareStatement("SELECT password_hash FROM account WHERE email = ?")) {
            s.setString(1, email);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).startsWith("PBKDF2WithHmacSHA256:600000:"), rs.getString(1));
            }
        }
        assertEquals(201, clients.login(email, Fixtures.PASSWORD, fakeAddress()).status(), "here");
        assertEquals(
                201,
                new ProxiedClients(new Http(ItServer.url()).base())
                        .login(email, Fixtures.PASSWORD, fakeAddress())
                        .status(),
                "on the shared server, which hashes new passwords with 1,024 iterations");
    }

    @Test
    void aFloodOfLoginsIsBoundedAndTheRestOfTheProductKeepsAnswering() throws Exception {
        // More logins at once than may wait for a hashing turn (two hash at once, 24 wait): the others
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
            replies = ProxiedClients.parallel(
                    flood, i -> clients.login(Fixtures.uniqueEmail("flood"), "not-the-password", fakeAddress()));
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
    void whileNoHashingTurnIsFreeALoginIsRefusedBusyBeforeItIsRead() throws Exception {
        // A flood in a closed loop (each thread sends its next wrong login when answered) keeps every hashing turn and
        // the whole queue taken (two hash at once, 24 wait); meanwhile logins whose body is no JSON at
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
                        floodStatuses.add(
                                clients.login(Fixtures.uniqueEmail("flood"), "not-the-password", fakeAddress())
                                        .status());
                    }
                });
            }
            Thread.sleep(2_000);
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < until && probes.stream().noneMatch(r -> r.status() == 503)) {
                probes.add(clients.send("api/v1/auth/tokens", "{not json", fakeAddress()));
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
        // thread and answered when their wait for a turn would have run out (WAIT), so that a client
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
                        clients.login(Fixtures.uniqueEmail("flood"), "not-the-password", fakeAddress());
                    }
                });
            }
            Thread.sleep(2_000);
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (held == null && System.nanoTime() < until) {
                long start = System.nanoTime();
                Reply probe = clients.send(plain, "api/v1/auth/tokens", "{not json", fakeAddress());
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
        assertTrue(
                heldMillis >= WAIT.toMillis() - 500 && heldMillis < WAIT.toMillis() + 25_000,
                "answered when its wait would have run out: " + probes);
        assertEquals("busy", held.problem());
        assertTrue(held.contentType().startsWith("application/problem+json"), held.contentType());
        long retryAfter =
                Long.parseLong(held.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(
                400,
                clients.send(plain, "api/v1/auth/tokens", "{not json", fakeAddress())
                        .status(),
                "the connection serves the next request once the flood is over");
    }
}
