package io.groupdeal.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small JSON-over-HTTP client for the API under test. Every answer from the API is checked against the OpenAPI
 * document ({@link ApiContract}): an answer the document does not allow fails the test that received it.
 */
public final class Http {

    private final HttpClient client;
    private final URI base;
    /** Where the ids of the tenants that sign-ups through this client made go (see {@link TenantsMade}). */
    private final Set<String> tenantsMade;

    /** The server is reached on loopback, whatever host its address names. */
    public Http(URL deployment) {
        this(deployment, ConcurrentHashMap.newKeySet());
    }

    /** Also notes in {@code tenantsMade} the tenant of every merchant that signs up through this client. */
    public Http(URL deployment, Set<String> tenantsMade) {
        this(base(deployment), HttpClient.Version.HTTP_2, tenantsMade);
    }

    private Http(URI base, HttpClient.Version version, Set<String> tenantsMade) {
        this.base = base;
        this.tenantsMade = tenantsMade;
        this.client = HttpClient.newBuilder()
                .version(version)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static URI base(URL deployment) {
        String url = deployment.toString().replaceFirst("//[^:/]+", "//127.0.0.1");
        return URI.create(url.endsWith("/") ? url : url + "/");
    }

    /**
     * The same server over HTTP/1.1 only, as curl and most clients speak it (this client otherwise asks to upgrade a
     * plain connection to HTTP/2).
     */
    public Http overHttp11() {
        return new Http(base, HttpClient.Version.HTTP_1_1, tenantsMade);
    }

    private static final String MERCHANT_SIGNUP = "/api/v1/merchants";

    public URI base() {
        return base;
    }

    public Reply get(String path, String token) {
        return send("GET", path, null, token, null);
    }

    public Reply post(String path, String json, String token) {
        return send("POST", path, json, token, "application/json");
    }

    public Reply put(String path, String json, String token) {
        return send("PUT", path, json, token, "application/json");
    }

    public Reply delete(String path, String token) {
        return send("DELETE", path, null, token, null);
    }

    public Reply send(String method, String path, String body, String token, String contentType) {
        return send(method, path, body, token, contentType, java.util.Map.of());
    }

    /** An order: POST /orders with its Idempotency-Key (none when null). */
    public Reply order(String json, String token, String idempotencyKey) {
        return send(
                "POST",
                "api/v1/orders",
                json,
                token,
                "application/json",
                idempotencyKey == null ? java.util.Map.of() : java.util.Map.of("Idempotency-Key", idempotencyKey));
    }

    public byte[] bytes(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            ApiContract.check(
                    "GET",
                    response.uri(),
                    response.statusCode(),
                    response.headers(),
                    new String(response.body(), StandardCharsets.ISO_8859_1));
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply send(
            String method,
            String path,
            String body,
            String token,
            String contentType,
            java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            ApiContract.check(method, response.uri(), response.statusCode(), response.headers(), response.body());
            Reply reply = new Reply(response.statusCode(), response.headers(), response.body());
            if ("POST".equals(method) && MERCHANT_SIGNUP.equals(response.uri().getPath()) && reply.status() == 201) {
                tenantsMade.add(reply.json().getString("tenantId"));
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
