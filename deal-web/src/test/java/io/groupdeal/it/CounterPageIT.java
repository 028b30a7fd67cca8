package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.domain.shared.Language;
import io.groupdeal.domain.shared.LocalFormats;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The counter page in Chromium, as staff use it: log in, choose the store, type a code in lower case with spaces,
 * see green, redeem with Enter, type it again and see red with the store and time, undo it with a reason.
 */
class CounterPageIT extends BrowserApp {

    @Test
    void staffRedeemsACodeSeesItRefusedTheSecondTimeAndUndoesIt() {
        Counter.Shop shop = counter.shop("Page Pho");
        String staffEmail = fixtures.newStaff(shop.merchant().token(), List.of(shop.first(), shop.second()))
                .getString("email");
        String code = counter.coupons(shop.dealId(), 2).get(0);
        String typed = code.toLowerCase(Locale.ROOT).replace("-", " ");

        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login:email")).sendKeys(staffEmail);
        browser.findElement(By.id("login:password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("login:submit")).click();
        wait(ExpectedConditions.urlContains("/counter/"));
        assertTrue(
                browser.findElement(By.id("choose-store")).getText().contains("Page Pho Neukölln"),
                "a choice of two stores");
        Browser.screenshot(browser, "30-counter-choose-store");
        browser.findElement(By.linkText("Page Pho Mitte")).click();

        WebElement input = wait(ExpectedConditions.elementToBeClickable(By.id("lookup:code")));
        assertEquals("lookup:code", focused(), "the code input has the keyboard");
        input.sendKeys(typed + Keys.ENTER);
        WebElement answer = wait(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));
        assertTrue(answer.getAttribute("class").contains("answer-ok"), answer::getText);
        assertTrue(
                answer.getText().contains("Page Pho Lunch") && answer.getText().contains("Valid for one person."),
                answer::getText);
        assertTrue(answer.getText().contains("One coupon of an order of 2"), answer::getText);
        assertEquals("redeem:redeem", focused(), "Redeem has the keyboard");
        Browser.screenshot(browser, "31-counter-green");

        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait(d -> d.getPageSource().contains("Redeemed " + code));
        assertEquals("", browser.findElement(By.id("lookup:code")).getAttribute("value"), "the input is empty again");
        assertEquals("lookup:code", focused(), "and has the keyboard again");
        assertTrue(browser.findElement(By.id("today")).getText().contains(code), "today's list shows the redemption");

        browser.switchTo().activeElement().sendKeys(typed + Keys.ENTER);
        WebElement refused = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#answer.answer-no")));
        assertTrue(refused.getText().contains("Already redeemed at Page Pho Mitte on "), refused::getText);
        Browser.screenshot(browser, "32-counter-red");

        WebElement row = browser.findElements(By.cssSelector("#today tbody tr")).get(0);
        row.findElement(By.cssSelector("details.undo summary")).click();
        row.findElement(By.cssSelector(".undo-reason")).sendKeys("Customer changed their mind");
        Browser.screenshot(browser, "33-counter-undo");
        row.findElement(By.cssSelector("input[value='Undo redemption']")).click();
        wait(d -> d.getPageSource().contains("Redemption undone"));
        WebElement undone =
                browser.findElements(By.cssSelector("#today tbody tr")).get(0);
        assertTrue(
                undone.getText().contains("UNDONE") && undone.getText().contains("Customer changed their mind"),
                undone::getText);
        assertTrue(browser.findElements(By.id("answer")).isEmpty(), "the undo leaves no old answer on screen");

        Browser.phoneSize(browser);
        browser.get(base + "counter/index.xhtml?store=" + shop.first());
        wait(ExpectedConditions.elementToBeClickable(By.id("lookup:code"))).sendKeys(code + Keys.ENTER);
        assertTrue(
                wait(ExpectedConditions.visibilityOfElementLocated(By.id("answer")))
                        .getAttribute("class")
                        .contains("answer-ok"),
                "after the undo the coupon is valid again");
        Browser.screenshot(browser, "34-counter-phone");
    }

    @Test
    void theMerchantReadsTheRedemptionHistoryAndSetsTheUndoWindow() {
        Counter.Shop shop = counter.shop("History Hotpot");
        String code = counter.coupons(shop.dealId(), 1).get(0);
        String id = counter.redeem(shop.staffToken(), code, shop.first()).json().getString("id");
        assertEquals(
                204,
                counter.undo(shop.staffToken(), id, "Scanned the wrong phone").status());
        Reply redeemed = counter.redeem(shop.staffToken(), code, shop.first());
        assertEquals(201, redeemed.status());
        Instant at = Instant.parse(redeemed.json().getString("redeemedAt"));

        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login:email")).sendKeys(shop.merchant().email());
        browser.findElement(By.id("login:password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("login:submit")).click();
        wait(ExpectedConditions.urlContains("/merchant/"));
        browser.get(base + "merchant/redemptions.xhtml");
        String history = browser.findElement(By.id("history")).getText();
        assertTrue(history.contains("2 redemptions"), history);
        assertTrue(history.contains("Undone") && history.contains("Scanned the wrong phone"), history);
        assertTrue(history.contains(code) && history.contains("History Hotpot Mitte"), history);
        String atTheStore = LocalFormats.dateTime(at, ZoneId.of("Europe/Berlin"), Language.EN);
        assertTrue(
                history.contains(atTheStore), "the store's time, as at its counter: " + atTheStore + " in " + history);
        assertTrue(browser.findElements(By.cssSelector("#history .zone")).isEmpty(), "one zone: no zone named");
        Browser.screenshot(browser, "35-merchant-redemptions");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("store")))
                .selectByVisibleText("History Hotpot Neukölln");
        browser.findElement(By.cssSelector("#filter button")).click();
        textOnceItShows(By.id("history"), "0 redemptions"); // none at the other store

        String shanghai = Json.createObjectBuilder()
                .add("name", "History Hotpot Pudong")
                .add("address", "Century Ave 1, Shanghai")
                .add("latitude", 31.23)
                .add("longitude", 121.5)
                .add("timeZone", "Asia/Shanghai")
                .build()
                .toString();
        assertEquals(
                201,
                http.post("api/v1/stores", shanghai, shop.merchant().token()).status());
        browser.get(base + "merchant/redemptions.xhtml");
        assertTrue(
                browser.findElement(By.id("history")).getText().contains(atTheStore + "\nEurope/Berlin"),
                "stores in two zones: each time names its zone");
        String days = browser.findElement(By.id("days-zone")).getText();
        assertTrue(days.contains("UTC"), "all stores: the business's days, " + days);

        browser.get(base + "merchant/settings.xhtml");
        WebElement window = browser.findElement(By.id("settings:undoWindow"));
        assertEquals("10", window.getAttribute("value"));
        window.clear();
        window.sendKeys("3");
        org.openqa.selenium.support.ui.Select mails =
                new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("settings:mailLanguage")));
        assertEquals("English", mails.getFirstSelectedOption().getText(), "a new business mails in English");
        mails.selectByVisibleText("中文");
        browser.findElement(By.id("settings:save")).click();
        wait(d -> d.getPageSource().contains("Settings saved."));
        Browser.screenshot(browser, "36-merchant-settings");
        JsonObject saved = http.get("api/v1/settings", shop.merchant().token()).json();
        assertEquals(3, saved.getInt("undoWindowMinutes"));
        assertEquals("zh-CN", saved.getString("language"), "the mails' language chosen on the page");
        assertEquals(
                "中文",
                new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("settings:mailLanguage")))
                        .getFirstSelectedOption()
                        .getText(),
                "the page shows the language kept");
    }

    private String focused() {
        return browser.switchTo().activeElement().getAttribute("id");
    }
}
