package io.groupdeal.application.photo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folder store on a real folder, and the S3 store's requests against a small fake S3 endpoint (the JDK's HTTP
 * server playing a path-style bucket): what the AWS client sends for put, get and delete, signed, and what it makes
 * of a missing key. (The database store is exercised by PhotosIT on the real database.)
 */
class MediaStoresTest {

    @TempDir
    Path folder;

    @Test
    void theFolderStoreWritesReadsAndDeletesFilesUnderItsFolderOnly() throws IOException {
        FolderMediaStore store = new FolderMediaStore(folder);
        byte[] bytes = "jpeg bytes".getBytes(StandardCharsets.UTF_8);
        store.put("photos/01ABC/large.jpg", "image/jpeg", bytes);
        assertArrayEquals(bytes, Files.readAllBytes(folder.resolve("photos/01ABC/large.jpg")));
        assertArrayEquals(bytes, store.get("photos/01ABC/large.jpg").orElseThrow());
        try (var files = Files.list(folder.resolve("photos/01ABC"))) {
            assertEquals(
                    List.of("large.jpg"),
                    files.map(f -> f.getFileName().toString()).toList(),
                    "no part file left");
        }
        assertEquals(Optional.empty(), store.get("photos/01ABC/card.jpg"));
        store.delete("photos/01ABC/large.jpg");
        assertFalse(Files.exists(folder.resolve("photos/01ABC")), "the photo's folder goes with its last file");
        store.delete("photos/01ABC/large.jpg"); // nothing there: no failure
        assertThrows(IllegalArgumentException.class, () -> store.put("../outside.jpg", "image/jpeg", bytes));
    }

    /** A request as the fake S3 saw it. */
    record Seen(String method, String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    @Test
    void theS3StoreSendsSignedPathStyleRequestsAndTakesAMissingKeyAsNone() throws IOException {
        Map<String, byte[]> objects = new ConcurrentHashMap<>();
        List<Seen> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            seen.add(new Seen(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
            switch (exchange.getRequestMethod()) {
                case "PUT" -> {
                    objects.put(path, body);
                    exchange.getResponseHeaders().add("ETag", "\"e\"");
                    exchange.sendResponseHeaders(200, -1);
                }
                case "GET" -> {
                    byte[] object = objects.get(path);
                    if (object == null) {
                        byte[] error = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
                                        + "<Message>The specified key does not exist.</Message></Error>")
                                .getBytes(StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().add("Content-Type", "application/xml");
                        exchange.sendResponseHeaders(404, error.length);
                        exchange.getResponseBody().write(error);
                    } else {
                        exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
                        exchange.sendResponseHeaders(200, object.length);
                        exchange.getResponseBody().write(object);
                    }
                }
                case "DELETE" -> {
                    objects.remove(path);
                    exchange.sendResponseHeaders(204, -1);
                }
                default -> exchange.sendResponseHeaders(405, -1);
            }
            exchange.close();
        });
        server.start();
        try {
            S3MediaStore store = new S3MediaStore(new S3MediaStore.Settings(
                    "http://127.0.0.1:" + server.getAddress().getPort(),
                    "eu-central-1",
                    "deal-media",
                    "AKIDTEST",
                    "secret-test-key",
                    true));
            byte[] bytes = TestImages.jpeg(20, 10);
            store.put("photos/01ABC/large.jpg", "image/jpeg", bytes);
            Seen put = seen.get(0);
            assertEquals("PUT", put.method());
            assertEquals("/deal-media/photos/01ABC/large.jpg", put.path(), "path style: endpoint/bucket/key");
            assertEquals("image/jpeg", put.header("Content-Type"));
            assertArrayEquals(bytes, put.body(), "the bytes as they are, not an aws-chunked body");
            assertTrue(
                    put.header("Authorization").startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/"),
                    put.header("Authorization"));
            assertTrue(
                    put.header("Authorization").contains("/eu-central-1/s3/aws4_request"), put.header("Authorization"));

            assertArrayEquals(bytes, store.get("photos/01ABC/large.jpg").orElseThrow());
            assertEquals(Optional.empty(), store.get("photos/01ABC/card.jpg"));
            store.delete("photos/01ABC/large.jpg");
            Seen delete = seen.get(seen.size() - 1);
            assertEquals("DELETE", delete.method());
            assertEquals("/deal-media/photos/01ABC/large.jpg", delete.path());
            assertTrue(objects.isEmpty());
        } finally {
            server.stop(0);
        }
    }
}
