package io.groupdeal.bench.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The benches' HTTP/1.1 client over loopback, on the JDK's {@link HttpClient}: keep-alive connections from the
 * client's own pool (one per request in flight, kept for the next), redirects never followed. A bench that wants a
 * connection per thread (one request after the other on it, the least client work per request) gives each thread its
 * own {@code Http}; a bench with many requests in flight (an open model, a flood) shares one. A request that fails on a
 * reused connection before any answer is sent once more on a new one, whatever its method (the JDK does that only for
 * GET unless told): the set-up runs before anything else, and orders and redemptions carry an Idempotency-Key.
 */
public final class Http {

    static {
        System.setProperty("jdk.httpclient.enableAllMethodRetry", "true");
    }

    /** An answer: its status and its body as text. */
    public record Reply(int status, String body) {

        /** This answer, when it has the status; else an exception naming {@code what} and the answer. */
        public Reply expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(
                        what + ": expected " + expected + ", got " + status + " " + Text.abbreviate(body));
            }
            return this;
        }

        /** The body as a JSON object (Parsson). */
        public jakarta.json.JsonObject json() {
            return Json.object(body);
        }
    }

    private final HttpClient client;
    private final String base;
    private final Duration timeout;

    /** A client of 127.0.0.1:{@code port}; a request without an answer after {@code timeout} fails (null: never). */
    public Http(int port, Duration timeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.base = "http://127.0.0.1:" + port;
        this.timeout = timeout;
    }

    /**
     * One request, answered in the calling thread: {@code token} (or null) as a bearer token, {@code body} (or null) as
     * JSON, {@code headers} as name, value, ... (a null value leaves its header out).
     */
    public Reply send(String method, String path, String token, String body, String... headers) throws IOException {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers come as name, value, ...: " + List.of(headers));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (timeout != null) {
            request.timeout(timeout);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                request.header(headers[i], headers[i + 1]);
            }
        }
        try {
            HttpResponse<String> answer =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(answer.statusCode(), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
