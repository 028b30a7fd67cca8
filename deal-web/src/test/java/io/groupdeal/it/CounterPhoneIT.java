package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The counter on a phone (360×740): the manifest and service worker, the coupon's QR read by the camera (Chromium's
 * fake camera showing the coupon's own QR image), redemption with the network cut, the queue sent on reconnect (the
 * coupon REDEEMED once on the server), and a code used at another counter meanwhile recorded as a double use and shown
 * to the merchant on the redemptions page and the dashboard. Screenshots in target/screenshots/counter-phone/.
 */
class CounterPhoneIT extends BrowserApp {

    @Test
    void scansRedeemsOfflineSyncsAndShowsTheDoubleUse() throws Exception {
        Counter.Shop shop = counter.shop("Phone Pho");
        String staffEmail = fixtures.newStaff(shop.merchant().token(), List.of(shop.first()))
                .getString("email");
        Fixtures.Person buyer = fixtures.buyer();
        Reply order = buying.buy(buyer, shop.dealId(), 3);
        assertEquals(201, order.status(), order::toString);
        List<String> codes = order.json().getJsonArray("coupons").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("code"))
                .toList();
        String scanned = codes.get(0);
        String usedTwice = codes.get(1);

        Path camera = fakeCamera(http.bytes("api/v1/coupons/" + scanned + "/qr", buyer.token()));
        browser.quit();
        browser = Browser.start(List.of(
                "--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-video-capture=" + camera.toAbsolutePath()));
        ((ChromeDriver) browser)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
        JavascriptExecutor js = (JavascriptExecutor) browser;

        logIn(staffEmail);
        wait(ExpectedConditions.urlContains("/counter/"));
        wait(ExpectedConditions.elementToBeClickable(By.id("lookup:code")));
        assertEquals(360L, js.executeScript("return window.innerWidth"), "a phone's width");
        // While online the page keeps its store's list of hashes, and the service worker keeps the shell.
        wait(d -> js.executeScript("return localStorage.getItem('gd-counter-list-' + arguments[0])", shop.first()));
        String kept = (String)
                js.executeScript("return localStorage.getItem('gd-counter-list-' + arguments[0])", shop.first());
        codes.forEach(code ->
                assertFalse(kept.contains(code) || kept.contains(code.replace("-", "")), "no code on the phone"));
        wait(d -> js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " navigator.serviceWorker.ready.then(function (r) { return caches.keys(); })"
                + ".then(function (k) { done(k.length > 0 && !!navigator.serviceWorker.controller); })"));
        screenshot("01-online");

        // Scan, online: the code read from the camera is looked up as if typed.
        WebElement scan = browser.findElement(By.id("scan"));
        assertTrue(scan.isDisplayed() && scan.getSize().getHeight() >= 48, "Scan is a big touch target");
        assertTrue(
                scan.getLocation().getY() + scan.getSize().getHeight() <= 740,
                "Scan within the thumb's reach on the first screen");
        scan.click();
        wait(d -> d.findElements(By.cssSelector("#answer, #local-answer:not([hidden])"))
                        .size()
                > 0);
        screenshot("02-scanned");
        WebElement answer = browser.findElement(By.cssSelector("#answer, #local-answer:not([hidden])"));
        assertTrue(
                answer.getAttribute("id").equals("answer")
                        && answer.getAttribute("class").contains("answer-ok")
                        && answer.getText().contains(scanned),
                answer::getText);
        browser.findElement(By.id("redeem:cancel")).click();
        wait(ExpectedConditions.invisibilityOfElementLocated(By.id("answer")));
        wait(d -> js.executeScript("return localStorage.getItem('gd-counter-list-' + arguments[0])", shop.first()));

        // The connection drops: the page says so at once.
        network(false);
        WebElement offline =
                wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-counter-offline]")));
        assertTrue(offline.getText().contains("No connection"), offline::getText);
        screenshot("03-offline");

        // Offline: the scanned code is in the store's list, so it is redeemed on the phone and queued.
        browser.findElement(By.id("scan")).click();
        WebElement local =
                wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#local-answer.answer-ok")));
        assertTrue(local.getText().contains(scanned) && local.getText().contains("Valid offline"), local::getText);
        screenshot("04-offline-valid");
        browser.findElement(By.id("redeem-offline")).click();
        textOnceItShows(By.cssSelector("[data-counter-queue]"), "1 offline redemption");

        // A typed code too; and this phone does not take the same code twice.
        browser.findElement(By.id("lookup:code")).sendKeys(usedTwice.toLowerCase() + Keys.ENTER);
        wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#local-answer.answer-ok")));
        browser.findElement(By.id("redeem-offline")).click();
        textOnceItShows(By.cssSelector("[data-counter-queue]"), "2 offline redemption");
        browser.findElement(By.id("lookup:code")).sendKeys(usedTwice + Keys.ENTER);
        WebElement again =
                wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#local-answer.answer-no")));
        assertTrue(again.getText().contains("Already redeemed on this phone"), again::getText);
        // A code the list does not know is not handed over.
        String stranger = io.groupdeal.domain.coupon.CouponCode.random(new java.security.SecureRandom())
                .printed();
        WebElement field = browser.findElement(By.id("lookup:code"));
        field.clear(); // the refused code stays in the field for correcting
        field.sendKeys(stranger + Keys.ENTER);
        String unknown = textOnceItShows(By.id("local-answer"), "Cannot be checked");
        assertTrue(
                browser.findElement(By.id("local-answer")).getAttribute("class").contains("answer-no"), unknown);
        screenshot("05-offline-unknown");

        // Meanwhile the second code is redeemed at the other store's counter.
        assertEquals(
                201,
                counter.redeem(shop.merchant().token(), usedTwice, shop.second())
                        .status());

        // Not driven here: a reload without a connection, which the service worker answers with its shell.
        // ChromeDriver's
        // network conditions do not reach the worker's own requests, so the reload would go to the server and prove
        // nothing; manifestAndServiceWorkerAreServedWithTheirTypes checks what the worker caches.

        // Back online: the queue is sent; one redeemed, one recorded as a double use, both said on the phone.
        network(true);
        textOnceItShows(By.cssSelector("[data-counter-notes]"), "recorded as a double use");
        String notes = textOnceItShows(By.cssSelector("[data-counter-notes]"), "Sent: " + scanned);
        assertTrue(notes.contains(usedTwice + " had already been used elsewhere"), notes);
        wait(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-counter-queue]")));
        screenshot("07-synced");

        // The server: the scanned coupon REDEEMED once, at this store; the other redeemed once, at the other store.
        assertEquals(
                "REDEEMED",
                http.get("api/v1/coupons/" + scanned, buyer.token()).json().getString("status"));
        List<JsonObject> today = counter.today(shop.staffToken(), shop.first())
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertEquals(
                1,
                today.stream().filter(r -> r.getString("code").equals(scanned)).count(),
                today::toString);
        assertEquals(
                0,
                today.stream()
                        .filter(r -> r.getString("code").equals(usedTwice))
                        .count(),
                today::toString);
        List<JsonObject> doubleUses = http.get(
                        "api/v1/counter/double-uses", shop.merchant().token())
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertEquals(1, doubleUses.size(), doubleUses::toString);
        assertEquals(usedTwice, doubleUses.get(0).getString("code"));
        assertEquals("already-redeemed", doubleUses.get(0).getString("reasonType"));
        assertEquals(shop.first(), doubleUses.get(0).getString("storeId"));
        assertEquals(shop.second(), doubleUses.get(0).getString("otherStoreId"));

        // The merchant sees it on the redemptions page and on the dashboard.
        browser.manage().deleteAllCookies();
        logIn(shop.merchant().email());
        wait(ExpectedConditions.urlContains("/merchant/"));
        browser.get(base + "merchant/redemptions.xhtml");
        WebElement onRedemptions = wait(ExpectedConditions.visibilityOfElementLocated(By.id("double-uses")));
        assertTrue(
                onRedemptions.getText().contains(usedTwice)
                        && onRedemptions.getText().contains("Phone Pho Neukölln"),
                onRedemptions::getText);
        js.executeScript("arguments[0].scrollIntoView()", onRedemptions);
        screenshot("08-redemptions-double-use");
        browser.get(base + "merchant/dashboard.xhtml");
        WebElement onDashboard = wait(ExpectedConditions.presenceOfElementLocated(By.id("double-uses")));
        assertTrue(onDashboard.getText().contains(usedTwice), onDashboard::getText);
        js.executeScript("arguments[0].scrollIntoView()", onDashboard);
        screenshot("09-dashboard-double-use");
    }

    /** The API: an offline redemption sent twice is taken once, whether it was redeemed or became a double use. */
    @Test
    void anOfflineRedemptionIsTakenOnceByItsClientId() {
        Counter.Shop shop = counter.shop("Once Pho");
        List<String> codes = counter.coupons(shop.dealId(), 2);
        String at = java.time.Instant.now().minusSeconds(300).toString();
        String key = UUID.randomUUID().toString();
        Reply first = offlineRedeem(shop.staffToken(), codes.get(0), shop.first(), at, key);
        Reply second = offlineRedeem(shop.staffToken(), codes.get(0), shop.first(), at, key);
        assertEquals(201, first.status(), first::toString);
        assertEquals(201, second.status(), second::toString);
        assertEquals(first.json().getString("id"), second.json().getString("id"), "the same redemption");

        assertEquals(
                201,
                counter.redeem(shop.merchant().token(), codes.get(1), shop.second())
                        .status());
        String other = UUID.randomUUID().toString();
        Reply used = offlineRedeem(shop.staffToken(), codes.get(1), shop.first(), at, other);
        Reply usedAgain = offlineRedeem(shop.staffToken(), codes.get(1), shop.first(), at, other);
        assertEquals(409, used.status(), used::toString);
        assertEquals("double-use", used.problem());
        assertEquals(used.json().getString("doubleUseId"), usedAgain.json().getString("doubleUseId"), "recorded once");
        assertEquals(
                1,
                http.get("api/v1/counter/double-uses", shop.merchant().token())
                        .json()
                        .getInt("total"));
        assertEquals(
                403, http.get("api/v1/counter/double-uses", shop.staffToken()).status(), "the merchant's list");

        Reply noKey = http.post(
                "api/v1/counter/redemptions",
                Json.createObjectBuilder()
                        .add("code", codes.get(1))
                        .add("storeId", shop.first())
                        .add("redeemedOfflineAt", at)
                        .build()
                        .toString(),
                shop.staffToken());
        assertEquals(400, noKey.status(), noKey::toString);
        Reply future = offlineRedeem(
                shop.staffToken(),
                codes.get(1),
                shop.first(),
                java.time.Instant.now().plusSeconds(3600).toString(),
                UUID.randomUUID().toString());
        assertEquals(400, future.status(), future::toString);
        assertEquals(
                1,
                http.get("api/v1/counter/double-uses", shop.merchant().token())
                        .json()
                        .getInt("total"),
                "nothing changed");
    }

    /** The list of hashes: one per redeemable code, each the PBKDF2 of its code with the list's salt, and no code. */
    @Test
    void theHashListHoldsNoCode() throws Exception {
        Counter.Shop shop = counter.shop("Hash Pho");
        List<String> codes = counter.coupons(shop.dealId(), 3);
        Reply reply = http.get("api/v1/counter/stores/" + shop.first() + "/redeemable", shop.staffToken());
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("no-store", reply.headers().firstValue("Cache-Control").orElse(""));
        for (String code : codes) {
            assertFalse(
                    reply.body().contains(code) || reply.body().contains(code.replace("-", "")), "no code in the list");
        }
        JsonObject list = reply.json();
        List<String> hashes = list.getJsonArray("hashes").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
        assertEquals(3, hashes.size());
        byte[] salt = Base64.getDecoder().decode(list.getString("salt"));
        assertTrue(list.getInt("iterations") >= 10_000);
        for (String code : codes) {
            assertTrue(hashes.contains(pbkdf2(code.replace("-", ""), salt, list.getInt("iterations"))), code);
        }
        assertEquals(
                201,
                counter.redeem(shop.staffToken(), codes.get(0), shop.first()).status());
        JsonObject after = http.get("api/v1/counter/stores/" + shop.first() + "/redeemable", shop.staffToken())
                .json();
        assertEquals(2, after.getJsonArray("hashes").size(), "a redeemed code leaves the list");
        Reply elsewhere = http.get("api/v1/counter/stores/" + shop.second() + "/redeemable", shop.staffToken());
        assertEquals(403, elsewhere.status(), "only the staff member's own stores");
        Reply otherTenant = http.get(
                "api/v1/counter/stores/" + shop.first() + "/redeemable",
                counter.shop("Stranger Pho").staffToken());
        assertEquals(403, otherTenant.status(), "another business's store answers like an unknown one");
    }

    /** The installable app: manifest and service worker served to anyone with their types; icons as named. */
    @Test
    void manifestAndServiceWorkerAreServedWithTheirTypes() throws Exception {
        Reply manifest = http.get("counter/manifest.webmanifest", null);
        assertEquals(200, manifest.status(), manifest::toString);
        assertTrue(manifest.contentType().startsWith("application/manifest+json"), manifest.contentType());
        JsonObject m = Json.createReader(new StringReader(manifest.body())).readObject();
        assertEquals("GroupDeal Counter", m.getString("name"));
        assertTrue(
                m.getString("start_url").endsWith("/counter/")
                        && m.getString("scope").endsWith("/counter/"),
                m::toString);
        assertEquals("standalone", m.getString("display"));
        List<JsonObject> icons = m.getJsonArray("icons").getValuesAs(JsonObject.class);
        assertTrue(icons.stream().anyMatch(i -> i.getString("purpose").equals("maskable")), icons::toString);
        for (JsonObject icon : icons) {
            String path = icon.getString("src").replaceFirst("^/", "");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(http.bytes(path, null)));
            assertEquals(icon.getString("sizes"), image.getWidth() + "x" + image.getHeight(), path);
        }
        Reply chinese = http.send(
                "GET", "counter/manifest.webmanifest", null, null, null, Map.of("Accept-Language", "zh-CN,zh;q=0.9"));
        assertEquals(
                "GroupDeal 核销台",
                Json.createReader(new StringReader(chinese.body())).readObject().getString("name"));

        Reply worker = http.get("counter/sw.js", null);
        assertEquals(200, worker.status(), worker::toString);
        assertTrue(worker.contentType().startsWith("text/javascript"), worker.contentType());
        assertTrue(worker.body().contains("shell.xhtml"), "the worker keeps the shell");
        assertTrue(
                http.get("counter/offline/redeemable", null).status() != 200, "the list only for a signed-in counter");
    }

    private Reply offlineRedeem(String token, String code, String storeId, String at, String key) {
        return http.send(
                "POST",
                "api/v1/counter/redemptions",
                Json.createObjectBuilder()
                        .add("code", code)
                        .add("storeId", storeId)
                        .add("redeemedOfflineAt", at)
                        .build()
                        .toString(),
                token,
                "application/json",
                Map.of("Idempotency-Key", key));
    }

    private void logIn(String email) {
        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login:email")).sendKeys(email);
        browser.findElement(By.id("login:password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("login:submit")).click();
    }

    private void network(boolean online) {
        if (online) {
            ((HasNetworkConditions) browser).deleteNetworkConditions();
            ((JavascriptExecutor) browser).executeScript("window.dispatchEvent(new Event('online'))");
        } else {
            ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
            conditions.setOffline(true);
            ((HasNetworkConditions) browser).setNetworkConditions(conditions);
        }
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(Path.of("target", "screenshots", "counter-phone"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Browser.screenshot(browser, "counter-phone/" + name);
    }

    private static String pbkdf2(String code, byte[] salt, int iterations) throws Exception {
        PBEKeySpec spec = new PBEKeySpec(code.toCharArray(), salt, iterations, 256);
        return Base64.getEncoder()
                .encodeToString(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                        .generateSecret(spec)
                        .getEncoded());
    }

    /**
     * A video for Chromium's fake camera: the QR image in the middle of a white 640×480 picture, as Y4M (a header, then
     * each frame's luma plane and two flat chroma planes), a second of frames that Chromium plays in a loop.
     */
    private static Path fakeCamera(byte[] png) throws IOException {
        BufferedImage qr = ImageIO.read(new ByteArrayInputStream(png));
        int width = 640;
        int height = 480;
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        int side = 400;
        g.drawImage(qr, (width - side) / 2, (height - side) / 2, side, side, null);
        g.dispose();
        byte[] luma = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = frame.getRGB(x, y);
                int grey = (int) (0.299 * ((rgb >> 16) & 255) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255));
                luma[y * width + x] = (byte) (16 + grey * 219 / 255);
            }
        }
        byte[] chroma = new byte[width / 2 * height / 2];
        java.util.Arrays.fill(chroma, (byte) 128);
        Path file = Files.createDirectories(Path.of("target", "counter-phone")).resolve("coupon-qr.y4m");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("YUV4MPEG2 W" + width + " H" + height + " F10:1 Ip A1:1 C420jpeg\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 10; i++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(luma);
                out.write(chroma);
                out.write(chroma);
            }
        }
        return file;
    }
}
