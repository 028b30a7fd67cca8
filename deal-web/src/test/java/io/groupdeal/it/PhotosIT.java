package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.application.photo.TestImages;
import io.groupdeal.devserver.ItDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Deal photos against the deployed product and its database: what an upload becomes (re-encoded, no EXIF or GPS,
 * upright), what is refused with which problem (a ZIP named PNG, a decompression bomb, 9 MB, a GIF), the cap of 10
 * under parallel uploads, order and deletion, cache headers and 304, another tenant's deal, and uploads as curl
 * sends them (multipart and raw).
 */
// Alongside the other API ITs: its deals, photos and uploads are its own tenant's.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("PhotosIT")
class PhotosIT extends DeployedApp {

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** An answer with its body as bytes (an image) and as text (JSON or a problem). */
    record Answer(int status, java.net.http.HttpHeaders headers, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonObject json() {
            return Json.createReader(new java.io.StringReader(text())).readObject();
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String problem() {
            return json().getString("type").replace("/problems/", "");
        }

        @Override
        public String toString() {
            return status + " " + headers.map() + " " + (bytes.length < 2000 ? text() : bytes.length + " bytes");
        }
    }

    @Test
    void anUploadIsReEncodedWithoutExifOrGpsTurnedUprightAndServedWithLongCacheLifetimes() throws IOException {
        Fixtures.Merchant merchant = fixtures.merchantWithStore("Photo Noodles");
        String dealId = draft(merchant);
        byte[] upload = TestImages.jpegWithExif(1600, 800, 6);
        assertTrue(TestImages.contains(upload, TestImages.SECRET.getBytes(StandardCharsets.US_ASCII)));

        Answer created = upload(merchant.token(), dealId, upload, "image/jpeg");
        assertEquals(201, created.status(), created::toString);
        JsonObject photo = created.json();
        String id = photo.getString("id");
        assertEquals("/api/v1/media/photos/" + id + "/large", photo.getString("url"));
        assertEquals(640, photo.getInt("width"), "turned upright: 800 × 1600 fitted into 1280");
        assertEquals(1280, photo.getInt("height"));

        for (String size : List.of("large", "card", "thumb")) {
            Answer served = get(photo.getString("url").replace("/large", "/" + size), merchant.token(), Map.of());
            assertEquals(200, served.status(), served::toString);
            assertEquals("image/jpeg", served.header("Content-Type"));
            assertFalse(
                    TestImages.contains(served.bytes(), TestImages.SECRET.getBytes(StandardCharsets.US_ASCII)), size);
            assertFalse(TestImages.contains(served.bytes(), "Exif".getBytes(StandardCharsets.US_ASCII)), size);
            assertFalse(
                    TestImages.contains(served.bytes(), new byte[] {(byte) 0xFF, (byte) 0xE1}), "no APP1 in " + size);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(served.bytes()));
            assertTrue(image.getHeight() > image.getWidth(), "upright: " + size);
            assertTrue(served.header("Cache-Control").startsWith("private, max-age="), "a draft's photo: " + served);
        }
        assertEquals(404, get(photo.getString("url"), null, Map.of()).status(), "a draft's photo is not for visitors");

        byte[] noise = TestImages.noisePng(1000, 1000);
        assertTrue(noise.length > 2 * 1024 * 1024, "over the 1 MiB of other bodies: " + noise.length);
        Answer large = upload(merchant.token(), dealId, noise, "image/png");
        assertEquals(201, large.status(), large::toString);

        fixtures.publish(merchant.token(), dealId); // on sale: its photos are everybody's now
        Answer open = get(photo.getString("url"), null, Map.of());
        assertEquals(200, open.status(), open::toString);
        Matcher maxAge = Pattern.compile("^public, max-age=(\\d+), immutable$").matcher(open.header("Cache-Control"));
        assertTrue(maxAge.matches(), open.header("Cache-Control"));
        assertTrue(Long.parseLong(maxAge.group(1)) >= 86_400, "at least a day");
        String etag = open.header("ETag");
        assertTrue(etag != null && etag.startsWith("\""), "a strong ETag: " + etag);
        Answer again = get(photo.getString("url"), null, Map.of("If-None-Match", etag));
        assertEquals(304, again.status(), again::toString);
        assertEquals(0, again.bytes().length);
        assertEquals(etag, again.header("ETag"));
        Answer other = get(photo.getString("url"), null, Map.of("If-None-Match", "\"something-else\""));
        assertEquals(200, other.status());
        assertEquals(
                404,
                get(photo.getString("url").replace("/large", "/huge"), null, Map.of())
                        .status());

        JsonObject catalogDeal =
                http.get("api/v1/catalog/deals/" + dealId, null).json();
        assertEquals(2, catalogDeal.getJsonArray("photos").size());
        assertEquals(id, catalogDeal.getJsonArray("photos").getJsonObject(0).getString("id"));
        JsonObject own = http.get("api/v1/deals/" + dealId, merchant.token()).json();
        assertEquals(id, own.getJsonArray("photos").getJsonObject(0).getString("id"));
    }

    @Test
    void hostileUploadsAreRefusedWithTheirProblemAndChangeNothing() {
        Fixtures.Merchant merchant = fixtures.merchant("Hostile Bakery");
        String dealId = draft(merchant);

        assertRefused(upload(merchant.token(), dealId, TestImages.zip(), "image/png"), 422, "not-an-image");
        assertRefused(
                upload(merchant.token(), dealId, TestImages.pngSignatureThenZip(), "image/png"), 422, "not-an-image");
        byte[] bomb = TestImages.pngBomb(50_000, 50_000);
        assertTrue(bomb.length < 1000);
        assertRefused(upload(merchant.token(), dealId, bomb, "image/png"), 422, "not-an-image");
        assertRefused(upload(merchant.token(), dealId, TestImages.gif(40, 40), "image/gif"), 415, "photo-type");
        assertRefused(upload(merchant.token(), dealId, TestImages.gif(40, 40), "image/png"), 415, "photo-type");
        assertRefused(upload(merchant.token(), dealId, TestImages.jpeg(40, 40), "text/plain"), 415, "photo-type");
        assertRefused(upload(merchant.token(), dealId, TestImages.jpeg(40, 40), "image/png"), 422, "not-an-image");
        String target = "/api/v1/deals/" + dealId + "/photos";
        byte[] nineMegabytes = TestImages.concat(TestImages.jpeg(40, 40), new byte[9 * 1024 * 1024]);
        try (RawHttp curl = new RawHttp(http.base())) {
            RawHttp.Answer refused = curl.send("POST", target, merchant.token(), "image/jpeg", nineMegabytes);
            assertRawRefused(refused, 413, "photo-too-large");
            assertTrue(curl.closedByServer(), "refused unread: the connection ends after the answer");
        }
        try (RawHttp curl = new RawHttp(http.base())) {
            String boundary = "xyz" + System.nanoTime();
            RawHttp.Answer refused = curl.send(
                    "POST",
                    target,
                    merchant.token(),
                    "multipart/form-data; boundary=" + boundary,
                    form(boundary, "big.jpg", "image/jpeg", nineMegabytes));
            assertRawRefused(refused, 413, "photo-too-large");
        }
        // Within the route's limit as a body (a form's overhead is allowed), but the photo itself is over 8 MB.
        byte[] justOver = TestImages.concat(TestImages.jpeg(40, 40), new byte[8 * 1024 * 1024]);
        assertRefused(uploadForm(merchant.token(), dealId, justOver, "image/jpeg"), 413, "photo-too-large");
        assertEquals(0, photos(merchant, dealId).size(), "nothing was added");
        assertEquals(0, rows("SELECT COUNT(*) FROM deal_photo WHERE deal_id = ?", dealId));
    }

    @Test
    void photoRefusalsSpeakTheClientsLanguage() {
        Fixtures.Merchant merchant = fixtures.merchant("Lingual Bakery");
        String dealId = draft(merchant);
        Answer zh = send(
                HttpRequest.newBuilder(uri("/api/v1/deals/" + dealId + "/photos"))
                        .header("Content-Type", "image/gif")
                        .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(TestImages.gif(40, 40))),
                merchant.token());
        Answer en = upload(merchant.token(), dealId, TestImages.gif(40, 40), "image/gif");
        assertRefused(zh, 415, "photo-type");
        assertRefused(en, 415, "photo-type");
        assertEquals("不支持该照片格式", zh.json().getString("title"));
        assertEquals("照片格式为 image/gif，请上传 JPEG、PNG 或 WebP 格式的图片。", zh.json().getString("detail"));
        assertEquals("Photo type not taken", en.json().getString("title"));
        assertEquals(
                "The photo is image/gif. Upload a JPEG, PNG or WebP image.",
                en.json().getString("detail"));
        // Refused by the request filter before JAX-RS reads the body: in the asked language too.
        byte[] nineMegabytes = TestImages.concat(TestImages.jpeg(40, 40), new byte[9 * 1024 * 1024]);
        try (RawHttp curl = new RawHttp(http.base())) {
            Map<String, String> head =
                    new java.util.LinkedHashMap<>(RawHttp.head(merchant.token(), "image/jpeg", nineMegabytes.length));
            head.put("Accept-Language", "zh");
            RawHttp.Answer big = curl.send("POST", "/api/v1/deals/" + dealId + "/photos", head, nineMegabytes);
            assertRawRefused(big, 413, "photo-too-large");
            assertTrue(big.body().contains("\"title\":\"照片太大\""), big::toString);
            assertTrue(big.body().contains("每张照片最大 8 MB（8388608 字节）。"), big::toString);
        }
    }

    @Test
    void twelveParallelUploadsLeaveExactlyTenPhotos() throws Exception {
        Fixtures.Merchant merchant = fixtures.merchant("Parallel Pho");
        String dealId = draft(merchant);
        byte[] picture = TestImages.jpeg(600, 400);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return upload(merchant.token(), dealId, picture, "image/jpeg");
                }));
            }
            start.countDown();
            int created = 0;
            int refused = 0;
            for (Future<Answer> answer : answers) {
                Answer a = answer.get();
                if (a.status() == 201) {
                    created++;
                } else {
                    assertRefused(a, 409, "too-many-photos");
                    refused++;
                }
            }
            assertEquals(10, created);
            assertEquals(2, refused);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(10, photos(merchant, dealId).size());
        assertEquals(10, rows("SELECT COUNT(*) FROM deal_photo WHERE deal_id = ?", dealId));
        assertEquals(
                30,
                rows(
                        "SELECT COUNT(*) FROM media_object m JOIN deal_photo p"
                                + " ON m.object_key LIKE CONCAT('photos/', p.id, '/%') WHERE p.deal_id = ?",
                        dealId),
                "the refused left no bytes");
        assertRefused(upload(merchant.token(), dealId, picture, "image/jpeg"), 409, "too-many-photos");
    }

    @Test
    void photosAreReorderedAndDeleted() {
        Fixtures.Merchant merchant = fixtures.merchant("Order Oysters");
        String dealId = draft(merchant);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Answer created = upload(merchant.token(), dealId, TestImages.png(200 + i, 100), "image/png");
            assertEquals(201, created.status(), created::toString);
            ids.add(created.json().getString("id"));
        }
        assertEquals(ids, photos(merchant, dealId), "in upload order");
        List<String> reversed = List.of(ids.get(2), ids.get(1), ids.get(0));
        Reply put = http.put("api/v1/deals/" + dealId + "/photos", order(reversed), merchant.token());
        assertEquals(200, put.status(), put::toString);
        assertEquals(
                reversed,
                put.json().getJsonArray("photos").stream()
                        .map(p -> p.asJsonObject().getString("id"))
                        .toList());
        assertEquals(reversed, photos(merchant, dealId), "the deal's photos, cover first");

        Reply incomplete = http.put(
                "api/v1/deals/" + dealId + "/photos", order(List.of(ids.get(0), ids.get(1))), merchant.token());
        assertEquals(400, incomplete.status(), incomplete::toString);
        Reply twice = http.put(
                "api/v1/deals/" + dealId + "/photos",
                order(List.of(ids.get(0), ids.get(0), ids.get(1))),
                merchant.token());
        assertEquals(400, twice.status(), twice::toString);
        assertEquals(reversed, photos(merchant, dealId), "a refused order changes nothing");

        Reply deleted = http.delete("api/v1/deals/" + dealId + "/photos/" + ids.get(2), merchant.token());
        assertEquals(204, deleted.status(), deleted::toString);
        assertEquals(List.of(ids.get(1), ids.get(0)), photos(merchant, dealId), "the next one is the cover");
        assertEquals(
                404,
                get("/api/v1/media/photos/" + ids.get(2) + "/card", merchant.token(), Map.of())
                        .status());
        assertEquals(
                0, rows("SELECT COUNT(*) FROM media_object WHERE object_key LIKE ?", "photos/" + ids.get(2) + "/%"));
        assertEquals(
                404,
                http.delete("api/v1/deals/" + dealId + "/photos/" + ids.get(2), merchant.token())
                        .status());
    }

    @Test
    void anotherTenantsDealAndPhotosAnswerLikeMissingOnes() {
        Fixtures.Merchant owner = fixtures.merchant("Owner Udon");
        Fixtures.Merchant other = fixtures.merchant("Other Udon");
        String dealId = draft(owner);
        Answer created = upload(owner.token(), dealId, TestImages.jpeg(300, 200), "image/jpeg");
        assertEquals(201, created.status(), created::toString);
        String photoId = created.json().getString("id");

        Answer foreign = upload(other.token(), dealId, TestImages.jpeg(300, 200), "image/jpeg");
        Answer missing = upload(other.token(), "01HZZZZZZZZZZZZZZZZZZZZZZZ", TestImages.jpeg(300, 200), "image/jpeg");
        assertEquals(404, foreign.status(), foreign::toString);
        assertEquals(missing.status(), foreign.status());
        assertEquals(missing.text(), foreign.text(), "the same answer as a missing deal");
        assertEquals(
                404,
                http.delete("api/v1/deals/" + dealId + "/photos/" + photoId, other.token())
                        .status());
        assertEquals(
                404,
                http.put("api/v1/deals/" + dealId + "/photos", order(List.of(photoId)), other.token())
                        .status());
        assertEquals(
                404,
                http.get("api/v1/deals/" + dealId + "/photos", other.token()).status());
        assertEquals(
                404,
                get("/api/v1/media/photos/" + photoId + "/large", other.token(), Map.of())
                        .status(),
                "another merchant does not see a draft's photo");
        Fixtures.Person buyer = fixtures.buyer();
        assertEquals(
                403,
                upload(buyer.token(), dealId, TestImages.jpeg(30, 20), "image/jpeg")
                        .status());
        assertEquals(
                401, upload(null, dealId, TestImages.jpeg(30, 20), "image/jpeg").status());
        assertEquals(List.of(photoId), photos(owner, dealId));
    }

    @Test
    void curlLikeUploadsMultipartAndRawAreTaken() {
        Fixtures.Merchant merchant = fixtures.merchant("Curl Curry");
        String dealId = draft(merchant);
        String target = "/api/v1/deals/" + dealId + "/photos";
        byte[] jpeg = TestImages.jpeg(500, 300);
        try (RawHttp raw = new RawHttp(http.base())) {
            String boundary = "------------------------d74496d66958873e";
            byte[] form = form(boundary, "photo.jpg", "image/jpeg", jpeg);
            RawHttp.Answer multipart =
                    raw.send("POST", target, merchant.token(), "multipart/form-data; boundary=" + boundary, form);
            assertEquals(201, multipart.status(), multipart::toString);
            assertTrue(multipart.body().contains("\"width\":500"), multipart::toString);
            RawHttp.Answer body = raw.send("POST", target, merchant.token(), "image/webp", TestImages.WEBP);
            assertEquals(201, body.status(), body::toString);
            RawHttp.Answer noType =
                    raw.send("POST", target, merchant.token(), "application/octet-stream", TestImages.png(50, 50));
            assertEquals(201, noType.status(), noType::toString);
            byte[] otherPart = new String(form, StandardCharsets.ISO_8859_1)
                    .replace("name=\"file\"", "name=\"picture\"")
                    .getBytes(StandardCharsets.ISO_8859_1);
            RawHttp.Answer wrongPart =
                    raw.send("POST", target, merchant.token(), "multipart/form-data; boundary=" + boundary, otherPart);
            assertEquals(400, wrongPart.status(), wrongPart::toString);
        }
        assertEquals(3, photos(merchant, dealId).size());
    }

    private static byte[] form(String boundary, String filename, String type, byte[] content) {
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        form.writeBytes(content);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return form.toByteArray();
    }

    private String draft(Fixtures.Merchant merchant) {
        java.time.Instant now = java.time.Instant.now();
        return fixtures.newDeal(
                        merchant.token(),
                        Fixtures.deal("Photo deal", now.minusSeconds(60), now.plus(Duration.ofDays(2)), List.of()))
                .getString("id");
    }

    private List<String> photos(Fixtures.Merchant merchant, String dealId) {
        Reply reply = http.get("api/v1/deals/" + dealId, merchant.token());
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("photos").stream()
                .map(p -> p.asJsonObject().getString("id"))
                .toList();
    }

    private static String order(List<String> ids) {
        var order = Json.createArrayBuilder();
        ids.forEach(order::add);
        return Json.createObjectBuilder().add("order", order).build().toString();
    }

    private static void assertRawRefused(RawHttp.Answer answer, int status, String problem) {
        assertEquals(status, answer.status(), answer::toString);
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"), answer::toString);
        assertTrue(answer.body().contains("\"type\":\"/problems/" + problem + "\""), answer::toString);
    }

    private static void assertRefused(Answer answer, int status, String problem) {
        assertEquals(status, answer.status(), answer::toString);
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"), answer::toString);
        assertEquals(problem, answer.problem(), answer::toString);
    }

    /** The image as the request body with its Content-Type. */
    Answer upload(String token, String dealId, byte[] image, String contentType) {
        return send(
                HttpRequest.newBuilder(uri("/api/v1/deals/" + dealId + "/photos"))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(image)),
                token);
    }

    /** The image as a browser's form sends it: the multipart/form-data part file. */
    Answer uploadForm(String token, String dealId, byte[] image, String contentType) {
        String boundary = "----groupdeal" + System.nanoTime();
        return send(
                HttpRequest.newBuilder(uri("/api/v1/deals/" + dealId + "/photos"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form(boundary, "photo", contentType, image))),
                token);
    }

    private Answer get(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        return send(request, token);
    }

    private Answer send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> response = client.send(
                    request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
            ApiContract.check(
                    response.request().method(),
                    response.uri(),
                    response.statusCode(),
                    response.headers(),
                    new String(response.body(), StandardCharsets.ISO_8859_1));
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return http.base().resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    private static long rows(String sql, String parameter) {
        try (Connection db = DriverManager.getConnection(System.getProperty(ItDatabase.URL_PROPERTY), "deal", "deal");
                PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
