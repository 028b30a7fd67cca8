package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * In Chromium: a buyer picks one of a deal's options on its page (radio cards with price and what is left, a sold-out
 * one disabled) and buys it; a merchant adds, edits and removes options in the deal editor. Screenshots in
 * {@code target/screenshots/options/}.
 */
class OptionsPagesIT extends BrowserApp {

    private Fixtures.Merchant merchant;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(Path.of("target", "screenshots", "options"));
        merchant = fixtures.merchantWithStore("Option Pages Spa");
    }

    private void logIn(String email) {
        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login:email")).sendKeys(email);
        browser.findElement(By.id("login:password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("login:submit")).click();
        wait(ExpectedConditions.not(ExpectedConditions.urlContains("login.xhtml")));
    }

    @Test
    void aBuyerPicksAnOptionOnTheDealPageAndBuysIt() {
        JsonObject deal = buying.dealOnSale(
                merchant,
                "Spa options",
                d -> d.add(
                        "options",
                        OptionsIT.options(
                                OptionsIT.option("Massage for 1", "49.00", "90.00", 1),
                                OptionsIT.option("Massage for 2", "89.00", "180.00", 5),
                                OptionsIT.option("Family day", "149.00", "300.00", null))));
        String dealId = deal.getString("id");
        List<JsonObject> options = deal.getJsonArray("options").getValuesAs(JsonObject.class);
        Fixtures.Person early = fixtures.buyer();
        Reply first = http.order(
                "{\"dealId\":\"" + dealId + "\",\"optionId\":\""
                        + options.get(0).getString("id") + "\",\"quantity\":1,\"paymentToken\":\"tok_ok\"}",
                early.token(),
                UUID.randomUUID().toString());
        assertEquals(201, first.status(), first::toString);
        Fixtures.Person buyer = fixtures.buyer();

        browser.manage().deleteAllCookies();
        browser.get(base + "deal.xhtml?id=" + dealId);
        List<WebElement> shown =
                wait(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#option-list .option-card"), 3));
        assertTrue(
                shown.get(0).getText().contains("Sold out"),
                "a visitor sees the sold-out option: " + shown.get(0).getText());
        assertTrue(
                shown.get(1).getText().contains("€89.00")
                        && shown.get(1).getText().contains("€180.00"),
                "a visitor sees each option's price and value, in the page's format: "
                        + shown.get(1).getText());
        Browser.screenshot(browser, "options/00-visitor-sees-options");

        logIn(buyer.email());
        browser.get(base + "deal.xhtml?id=" + dealId);
        List<WebElement> cards =
                wait(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#option-choice .option-card"), 3));
        assertTrue(
                cards.get(0).getText().contains("Massage for 1"), cards.get(0).getText());
        assertFalse(cards.get(0).findElement(By.tagName("input")).isEnabled(), "the sold-out option cannot be picked");
        assertTrue(cards.get(1).findElement(By.tagName("input")).isSelected(), "the first option left is picked");
        assertTrue(
                cards.get(1).getText().contains("€89.00")
                        && cards.get(1).getText().contains("5"),
                cards.get(1).getText());
        Browser.screenshot(browser, "options/01-deal-page-options");

        cards.get(2).click();
        assertTrue(cards.get(2).findElement(By.tagName("input")).isSelected());
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("buyForm:quantity"))).selectByValue("2");
        Browser.screenshot(browser, "options/02-family-picked");
        browser.findElement(By.id("buyForm:buy")).click();
        wait(ExpectedConditions.urlContains("account/index.xhtml"));
        Browser.screenshot(browser, "options/03-bought");

        JsonObject order = http.get("api/v1/orders", buyer.token())
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertEquals(options.get(2).getString("id"), order.getString("optionId"), "the option picked on the page");
        assertEquals("298.00", order.getString("amount"), "2 × 149.00");
    }

    @Test
    void aMerchantAddsEditsAndRemovesOptionsInTheEditor() {
        JsonObject draft = fixtures.newDeal(merchant.token(), Fixtures.deal("Editor options"));
        String dealId = draft.getString("id");
        String firstOption = draft.getJsonArray("options").getJsonObject(0).getString("id");

        logIn(merchant.email());
        browser.get(base + "merchant/deal.xhtml?id=" + dealId);
        wait(ExpectedConditions.presenceOfElementLocated(By.id("options-none")));
        browser.findElement(By.id("deal:addOption")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("deal:optionRows:1:optionTitle")));
        fill(0, "Small", "9.00", "15.00", "10");
        fill(1, "Large", "15.00", "28.00", "");
        browser.findElement(By.id("deal:addOption")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("deal:optionRows:2:optionTitle")));
        assertEquals(
                "Large",
                browser.findElement(By.id("deal:optionRows:1:optionTitle")).getAttribute("value"),
                "adding a row keeps what was typed");
        fill(2, "Family", "40.00", "80.00", "5");
        Browser.screenshot(browser, "options/10-editor-three-options");
        browser.findElement(By.id("deal:optionRows:0:removeOption")).click();
        wait(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".option-row"), 2));
        browser.findElement(By.id("deal:save")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash-info")));
        Browser.screenshot(browser, "options/11-editor-saved");

        JsonObject saved = http.get("api/v1/deals/" + dealId, merchant.token()).json();
        List<JsonObject> options = saved.getJsonArray("options").getValuesAs(JsonObject.class);
        assertEquals(
                List.of("Large", "Family"),
                options.stream().map(o -> o.getString("title")).toList());
        assertEquals("15.00", saved.getString("price"), "the deal is priced as its first option");
        assertEquals(5, options.get(1).getInt("maxQuantity"));
        assertFalse(
                options.get(0).containsKey("maxQuantity") && !options.get(0).isNull("maxQuantity"),
                "no cap of its own");
        assertFalse(
                options.stream().anyMatch(o -> o.getString("id").equals(firstOption)),
                "the single option made from the price is gone");

        browser.get(base + "merchant/deal.xhtml?id=" + dealId);
        assertEquals(
                "Family",
                wait(ExpectedConditions.presenceOfElementLocated(By.id("deal:optionRows:1:optionTitle")))
                        .getAttribute("value"),
                "the editor shows the saved options again");
    }

    private void fill(int row, String title, String price, String value, String cap) {
        type("deal:optionRows:" + row + ":optionTitle", title);
        type("deal:optionRows:" + row + ":optionPrice", price);
        type("deal:optionRows:" + row + ":optionValue", value);
        type("deal:optionRows:" + row + ":optionCap", cap);
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }
}
