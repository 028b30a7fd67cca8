package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.application.photo.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In Chromium: a merchant uploads photos in the deal editor (the upload's progress shows, the photos appear, the
 * first is the cover), moves one to the front; then the deal page's gallery shows them all and moves by keyboard and
 * thumbnails, and the storefront card shows the cover. Screenshots in target/screenshots/photos/.
 */
class PhotoPagesIT extends BrowserApp {

    @Test
    void photosUploadedInTheEditorShowInTheGalleryAndAsTheStorefrontCover() throws IOException {
        String word = "Dimsum" + UUID.randomUUID().toString().substring(0, 6);
        Fixtures.Merchant merchant = fixtures.merchantWithStore("Photo Palace " + word);
        String dealId = fixtures.newDeal(merchant.token(), Fixtures.deal("Dim sum for two " + word))
                .getString("id");
        Path folder = Files.createDirectories(Path.of("target", "screenshots", "photos"));
        Path big = write(folder.resolve("upload-noise.png"), TestImages.noisePng(1200, 900));
        Path second = write(folder.resolve("upload-second.jpg"), TestImages.jpeg(1600, 1000));
        Path third = write(folder.resolve("upload-third.png"), TestImages.png(900, 1200));

        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login:email")).sendKeys(merchant.email());
        browser.findElement(By.id("login:password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("login:submit")).click();
        wait(ExpectedConditions.urlContains("/merchant/"));
        browser.get(base + "merchant/deal.xhtml?id=" + dealId);
        WebElement editor = wait(ExpectedConditions.presenceOfElementLocated(By.id("photo-editor")));
        assertTrue(editor.getText().contains("Photos"), editor.getText());

        browser.findElement(By.id("photo-file"))
                .sendKeys(big.toAbsolutePath() + "\n" + second.toAbsolutePath() + "\n" + third.toAbsolutePath());
        FluentWait<WebDriver> uploads =
                new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class);
        uploads.until(
                ExpectedConditions.numberOfElementsToBe(By.cssSelector("#photo-uploads .photo-upload[data-done]"), 3));
        for (WebElement row : browser.findElements(By.cssSelector("#photo-uploads .photo-upload"))) {
            WebElement bar = row.findElement(By.tagName("progress"));
            assertEquals("100", bar.getAttribute("value"), "the progress bar ran to the end");
            assertEquals(
                    "Uploaded",
                    row.findElement(By.className("photo-upload-state")).getText());
        }
        assertTrue(
                browser.findElement(By.cssSelector("#photo-uploads .photo-upload"))
                                .getAttribute("data-progress-seen")
                        != null,
                "upload progress events reached the bar");
        List<WebElement> items = browser.findElements(By.cssSelector("#photo-list .photo-item"));
        assertEquals(3, items.size());
        for (WebElement item : items) {
            uploads.until(d -> naturalWidth(item.findElement(By.tagName("img"))) > 0);
        }
        assertTrue(items.get(0).findElement(By.className("photo-cover-badge")).isDisplayed(), "the first is the cover");
        assertEquals("3", browser.findElement(By.cssSelector("[data-count]")).getText());
        scrollTo(editor);
        Browser.screenshot(browser, "photos/01-editor-uploaded");

        // The third photo to the front: it becomes the cover, for the API too.
        String thirdId = items.get(2).getAttribute("data-photo");
        items.get(2).findElement(By.cssSelector("[data-move='-1']")).click();
        browser.findElements(By.cssSelector("#photo-list .photo-item"))
                .get(1)
                .findElement(By.cssSelector("[data-move='-1']"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> thirdId.equals(http.get("api/v1/deals/" + dealId, merchant.token())
                        .json()
                        .getJsonArray("photos")
                        .getJsonObject(0)
                        .getString("id")));
        assertEquals(
                thirdId,
                browser.findElement(By.cssSelector("#photo-list .photo-item")).getAttribute("data-photo"));
        Browser.screenshot(browser, "photos/02-editor-reordered");

        fixtures.publish(merchant.token(), dealId);
        browser.get(base + "deal.xhtml?id=" + dealId);
        WebElement gallery = wait(ExpectedConditions.presenceOfElementLocated(By.id("gallery")));
        assertEquals(3, gallery.findElements(By.cssSelector(".gallery-slide")).size());
        WebElement cover = gallery.findElement(By.cssSelector(".gallery-slide.current img"));
        wait(d -> naturalWidth(cover) > 0);
        assertTrue(cover.getAttribute("src").contains(thirdId), "the cover leads the gallery");
        assertTrue(cover.getAttribute("srcset").contains("/thumb")
                && cover.getAttribute("srcset").contains("/large"));
        assertEquals("1 / 3", gallery.findElement(By.className("gallery-count")).getText());
        Browser.screenshot(browser, "photos/03-deal-gallery");

        WebElement stage = gallery.findElement(By.className("gallery-stage"));
        stage.click();
        stage.sendKeys(Keys.ARROW_RIGHT);
        wait(d -> "1".equals(gallery.getAttribute("data-current")));
        assertEquals("2 / 3", gallery.findElement(By.className("gallery-count")).getText());
        stage.sendKeys(Keys.END);
        wait(d -> "2".equals(gallery.getAttribute("data-current")));
        stage.sendKeys(Keys.ARROW_RIGHT);
        wait(d -> "0".equals(gallery.getAttribute("data-current")));
        gallery.findElements(By.className("gallery-thumb")).get(1).click();
        wait(d -> "1".equals(gallery.getAttribute("data-current")));
        WebElement shown = gallery.findElement(By.cssSelector(".gallery-slide.current img"));
        wait(d -> naturalWidth(shown) > 0);
        assertTrue(shown.isDisplayed());
        Browser.screenshot(browser, "photos/04-deal-gallery-second");
        Browser.phoneSize(browser);
        Browser.screenshot(browser, "photos/05-deal-gallery-phone");

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        browser.get(base + "index.xhtml?q=" + word);
        WebElement card =
                wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-deal='" + dealId + "']")));
        WebElement cardCover = card.findElement(By.className("deal-cover"));
        assertEquals("lazy", cardCover.getAttribute("loading"));
        assertTrue(cardCover.getAttribute("src").contains(thirdId + "/card"), cardCover.getAttribute("src"));
        assertTrue(cardCover.getAttribute("sizes").contains("100vw"));
        wait(d -> naturalWidth(cardCover) > 0);
        Browser.screenshot(browser, "photos/06-storefront-cover");
        Browser.phoneSize(browser);
        Browser.screenshot(browser, "photos/07-storefront-cover-phone");
    }

    private long naturalWidth(WebElement image) {
        return ((Number) ((JavascriptExecutor) browser)
                        .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", image))
                .longValue();
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
