package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In Chromium: a merchant creates and publishes a deal in the editor, and a buyer finds it on the storefront near its
 * store; a buyer buys from the deal page and finds the coupons with their QR codes in "My coupons".
 */
class DealPagesIT extends BrowserApp {

    @Test
    void buyerBuysFromTheDealPageAndSeesTheCouponsWithTheirQrCodes() {
        Fixtures.Merchant merchant = fixtures.merchant("Bao Bar");
        fixtures.newStore(merchant.token(), "Bao Bar Prenzlauer Berg");
        String dealId = buying.dealIdOnSale(merchant, "Bao for two", d -> {});
        FluentWait<WebDriver> wait =
                new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class);

        browser.get(base + "deal.xhtml?id=" + dealId);
        assertTrue(browser.findElement(By.id("login-to-buy")).isDisplayed());
        browser.findElement(By.id("join-to-buy")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("join:name")))
                .sendKeys("Bao Fan");
        browser.findElement(By.id("join:email")).sendKeys(Fixtures.uniqueEmail("bao"));
        browser.findElement(By.id("join:password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("join:submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("buyForm:buy")));
        assertTrue(browser.getCurrentUrl().contains("deal.xhtml?id=" + dealId), "back on the deal after joining");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("buyForm:card")))
                .selectByValue("tok_declined");
        browser.findElement(By.id("buyForm:buy")).click();
        WebElement refused = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash-error")));
        assertTrue(refused.getText().contains("declined"), refused.getText());
        Browser.screenshot(browser, "20-buy-declined");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("buyForm:quantity"))).selectByValue("2");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("buyForm:card"))).selectByValue("tok_ok");
        browser.findElement(By.id("buyForm:buy")).click();
        wait.until(ExpectedConditions.urlContains("account/index.xhtml"));
        var coupons = wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#coupons .coupon"), 2));
        for (WebElement coupon : coupons) {
            assertTrue(
                    coupon.findElement(By.className("coupon-code"))
                            .getText()
                            .matches(
                                    "[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z*~$=U]"));
            WebElement qr = coupon.findElement(By.cssSelector(".coupon-qr img"));
            Object width = ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", qr);
            assertTrue(((Number) width).intValue() > 100, "the QR image is drawn: " + width);
            assertEquals("ACTIVE", coupon.findElement(By.className("badge")).getText());
        }
        assertTrue(browser.findElement(By.id("orders")).getText().contains("Bao for two"));
        Browser.screenshot(browser, "21-my-coupons");
    }

    @Test
    void merchantPublishesADealThatShowsOnTheStorefrontNearItsStore() {
        String word = "Gyoza" + UUID.randomUUID().toString().substring(0, 6);
        Fixtures.Merchant merchant = fixtures.merchant("Dumpling Den " + word);
        double lat = -30 - ThreadLocalRandom.current().nextDouble(5);
        double lng = 150 + ThreadLocalRandom.current().nextDouble(5);
        Reply store = http.post("api/v1/stores", Fixtures.store("Dumpling Den Harbour", lat, lng), merchant.token());
        assertEquals(201, store.status(), store::toString);

        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login:email")).sendKeys(merchant.email());
        browser.findElement(By.id("login:password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("login:submit")).click();
        waitFor(ExpectedConditions.urlContains("/merchant/"));

        browser.get(base + "merchant/deals.xhtml");
        browser.findElement(By.id("newDeal")).click();
        waitFor(ExpectedConditions.urlContains("/merchant/deal.xhtml"));
        String title = word + " dumplings for two";
        browser.findElement(By.id("deal:title")).sendKeys(title);
        browser.findElement(By.id("deal:description"))
                .sendKeys("Twelve pan-fried gyoza with dipping sauce and two drinks.");
        browser.findElement(By.id("deal:finePrint")).sendKeys("Dine-in only. One coupon per table.");
        browser.findElement(By.id("deal:price")).sendKeys("12.50");
        browser.findElement(By.id("deal:originalValue")).sendKeys("25.00");
        WebElement minBuyers = browser.findElement(By.id("deal:minBuyers"));
        minBuyers.clear();
        minBuyers.sendKeys("3");
        browser.findElement(By.id("deal:maxQuantity")).sendKeys("40");
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        setValue("deal:salesStart", now.minusHours(1).toString());
        setValue("deal:salesEnd", now.plusDays(5).toString());
        setValue("deal:couponValidUntil", now.plusDays(60).toString());
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("preview")).getText().contains(title));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("preview")).getText().contains("−50%"));
        Browser.screenshot(browser, "10-deal-editor");

        ((JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
        browser.findElement(By.id("deal:publish")).click();
        waitFor(ExpectedConditions.urlContains("/merchant/deals.xhtml"));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.getPageSource().contains("is published."));
        WebElement row = browser.findElements(By.cssSelector("#deals tbody tr")).stream()
                .filter(r -> r.getText().contains(title))
                .findFirst()
                .orElseThrow();
        assertTrue(row.getText().contains("ON SALE"), row::getText);
        Browser.screenshot(browser, "11-merchant-deals");

        browser.get(base + "index.xhtml?lat=" + lat + "&lng=" + (lng + 0.01) + "&radiusKm=10");
        WebElement card = new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(".deal-card")).stream()
                        .filter(c -> c.getText().contains(title))
                        .findFirst()
                        .orElse(null));
        assertTrue(card.getText().contains("€12.50"), card::getText);
        assertTrue(card.getText().contains("−50%"), card::getText);
        assertTrue(card.getText().contains("0.9"), () -> "about 0.9 km away: " + card.getText());
        assertTrue(card.getText().contains("3 more to unlock"), card::getText);
        Browser.screenshot(browser, "12-storefront");

        browser.get(base + "index.xhtml?lat=" + (lat + 1) + "&lng=" + lng + "&radiusKm=10");
        assertTrue(
                browser.findElements(By.cssSelector(".deal-card")).stream()
                        .noneMatch(c -> c.getText().contains(title)),
                "100 km away the deal is not near");

        browser.get(base + "index.xhtml?lat=" + lat + "&lng=" + lng + "&radiusKm=10");
        browser.findElements(By.cssSelector(".deal-card")).stream()
                .filter(c -> c.getText().contains(title))
                .findFirst()
                .orElseThrow()
                .click();
        waitFor(ExpectedConditions.urlContains("/deal.xhtml"));
        assertTrue(browser.findElement(By.id("description")).getText().contains("Twelve pan-fried gyoza"));
        assertTrue(browser.findElement(By.id("finePrint")).getText().contains("Dine-in only."));
        assertTrue(browser.findElement(By.id("stores")).getText().contains("Dumpling Den Harbour"));
        assertTrue(
                browser.findElement(By.id("buy-box")).getText().contains("Log in to buy"),
                "a merchant is offered to log in as a buyer");
        Browser.screenshot(browser, "13-deal-page");
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), value);
    }

    private <T> void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }
}
