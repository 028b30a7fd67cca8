package io.groupdeal.it;

import static io.groupdeal.it.ProxiedClients.fakeAddress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Login and sign-up throttling, as a client sees it. The IT server trusts 127.0.0.1 as a proxy (ItServer), so each
 * test is a client of its own address through {@code X-Forwarded-For} ({@link ProxiedClients}); every other IT has the
 * address 127.0.0.1, whose limit is out of reach there. The bound on password hashing under a flood:
 * {@link HashingFloodIT}.
 */
// Alongside the other API ITs: each test is a client of addresses of its own, and its logins hash at the run's
// least cost, so no burst keeps the hashing turns of the others' logins taken.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("LoginThrottleIT")
class LoginThrottleIT extends DeployedApp {

    /** The per-email limit: production's, 10 failed logins in 15 minutes. */
    private static final int LOGIN_LIMIT = 10;
    /** {@code deal.throttle.address.limit} of the IT server (ItServer). */
    private static final int ADDRESS_LIMIT = 100_000;

    private ProxiedClients clients;

    @BeforeEach
    void clients() {
        clients = new ProxiedClients(http.base());
    }

    @Test
    void tenFailedLoginsLockTheEmailAlsoForTheRightPasswordAndFromAnyAddress() {
        Fixtures.Person buyer = fixtures.buyer();
        String address = fakeAddress();
        assertEquals(
                201, clients.login(buyer.email(), Fixtures.PASSWORD, address).status(), "the right password");
        for (int i = 1; i < LOGIN_LIMIT; i++) {
            Reply wrong = clients.login(buyer.email(), "not-the-password", address);
            assertEquals(401, wrong.status(), "failure " + i + ": " + wrong);
        }
        assertEquals(
                201,
                clients.login(buyer.email(), Fixtures.PASSWORD, address).status(),
                "a right password does not count");
        assertEquals(
                401, clients.login(buyer.email(), "not-the-password", address).status(), "the tenth failure");

        Reply locked = clients.login(buyer.email(), "not-the-password", address);
        assertRateLimited(locked, 15 * 60);
        assertRateLimited(clients.login(buyer.email(), Fixtures.PASSWORD, address), 15 * 60);
        assertRateLimited(clients.login(buyer.email().toUpperCase(), Fixtures.PASSWORD, fakeAddress()), 15 * 60);
        assertEquals(200, http.get("api/v1/me", buyer.token()).status(), "tokens issued before keep working");
        assertEquals(
                201,
                clients.login(fixtures.buyer().email(), Fixtures.PASSWORD, address)
                        .status(),
                "the lock is per email");
    }

    @Test
    void anUnknownEmailIsThrottledLikeAKnownOne() {
        String nobody = Fixtures.uniqueEmail("nobody");
        String address = fakeAddress();
        for (int i = 1; i <= LOGIN_LIMIT; i++) {
            Reply wrong = clients.login(nobody, "not-the-password", address);
            assertEquals(401, wrong.status(), "failure " + i + ": " + wrong);
            assertEquals("bad-credentials", wrong.problem());
        }
        assertRateLimited(clients.login(nobody, "not-the-password", address), 15 * 60);
        Reply malformed = clients.login("not an email " + nobody, "not-the-password", address);
        assertEquals(401, malformed.status(), "what is no email at all is counted by its text: " + malformed);
    }

    @Test
    void parallelWrongLoginsNeverCheckMorePasswordsThanTheLimit() throws Exception {
        Fixtures.Person buyer = fixtures.buyer();
        String address = fakeAddress();
        List<Reply> burst = ProxiedClients.parallel(
                LOGIN_LIMIT + 6, i -> clients.login(buyer.email(), "not-the-password", address));
        for (Reply reply : burst) {
            assertTrue(List.of(401, 429, 503).contains(reply.status()), reply::toString);
        }
        long checked = burst.stream().filter(r -> r.status() == 401).count();
        assertTrue(checked <= LOGIN_LIMIT, burst::toString);
        // Whatever the burst left (a busy answer counts nothing): the rest, one by one, up to the limit exactly.
        for (long i = checked; i < LOGIN_LIMIT; i++) {
            Reply wrong = clients.login(buyer.email(), "not-the-password", address);
            assertEquals(401, wrong.status(), "failure " + (i + 1) + " after the burst: " + wrong + "; burst " + burst);
            checked++;
        }
        assertRateLimited(clients.login(buyer.email(), Fixtures.PASSWORD, address), 15 * 60);
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
                201,
                clients.signUp(Fixtures.uniqueEmail("from-busy-address"), address)
                        .status(),
                "a sign-up counts");
        assertEquals(
                201,
                clients.login(buyer.email(), Fixtures.PASSWORD, address).status(),
                "a right password does not count");
        assertEquals(
                401,
                clients.login(Fixtures.uniqueEmail("nobody"), "not-the-password", address)
                        .status(),
                "a failure counts");

        assertRateLimited(clients.signUp(Fixtures.uniqueEmail("refused"), address), 15 * 60);
        assertRateLimited(clients.login(buyer.email(), Fixtures.PASSWORD, address), 15 * 60);
        assertEquals(
                201,
                clients.login(buyer.email(), Fixtures.PASSWORD, fakeAddress()).status(),
                "another address is not limited");
        assertEquals(
                201,
                clients.signUp(Fixtures.uniqueEmail("elsewhere"), fakeAddress()).status());
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
        assertRateLimited(clients.login(Fixtures.uniqueEmail("nobody"), "not-the-password", address), 15 * 60);
        // The server has seen the lock: what comes from that address is refused unread (a body that is no JSON would
        // otherwise be a 400), logins and sign-ups alike, with the same answer.
        assertRateLimited(clients.send("api/v1/auth/tokens", "{not json", address), 15 * 60);
        assertRateLimited(clients.send("api/v1/buyers", "{not json", address), 15 * 60);
        assertEquals(
                400,
                clients.send("api/v1/auth/tokens", "{not json", fakeAddress()).status(),
                "another address is read");
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
}
