package io.groupdeal.it;

import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Logins and sign-ups as clients of addresses of their own: the servers of the ITs trust 127.0.0.1 as a proxy
 * (ItServer), so a request that names an address in {@code X-Forwarded-For} comes from that address, whose throttling
 * no other test touches. Waits longer than {@link Http} does: a login may wait 25 s for its hashing turn.
 */
final class ProxiedClients {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;

    ProxiedClients(URI base) {
        this.base = base;
    }

    Reply login(String email, String password, String address) {
        return send("api/v1/auth/tokens", Fixtures.credentials(email, password), address);
    }

    Reply signUp(String email, String address) {
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

    /** A JSON body posted to {@code path} as a client at {@code address}. */
    Reply send(String path, String json, String address) {
        return send(CLIENT, path, json, address);
    }

    Reply send(HttpClient client, String path, String json, String address) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A random private address (10.0.0.0/8): no other test uses it. */
    static String fakeAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    interface Call {
        Reply call(int i) throws Exception;
    }

    /** {@code count} calls at once, each on a thread of its own: their replies, in the calls' order. */
    static List<Reply> parallel(int count, Call call) throws Exception {
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
