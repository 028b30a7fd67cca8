package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Reviews in Chromium: a buyer reviews a used coupon from "My coupons" and sees the review on the deal page, where
 * markup in it shows as text and no script of it runs (for buyers and for the merchant), and the merchant replies.
 */
class ReviewPagesIT extends BrowserApp {

    private static final String HOSTILE =
            "Great! <script>window.pwned = true;</script><img src=x onerror=\"window.pwned=true\"> <b>bold</b>";

    @Test
    void aBuyerReviewsFromMyCouponsAndTheMarkupStaysText() {
        Counter.Shop shop = counter.shop("Script Soup");
        Fixtures.Person buyer = fixtures.buyer();
        List<String> codes = counter.coupons(buyer, shop.dealId(), 2);
        assertEquals(
                201,
                counter.redeem(shop.staffToken(), codes.get(0), shop.first()).status());

        login(buyer.email());
        browser.get(base + "account/");
        WebElement form = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.review-form")));
        assertEquals(
                1,
                browser.findElements(By.cssSelector("form.review-form")).size(),
                "only the used coupon asks for a review");
        new Select(form.findElement(By.cssSelector("select"))).selectByValue("4");
        form.findElement(By.cssSelector("textarea")).sendKeys(HOSTILE);
        Browser.screenshot(browser, "40-my-coupons-review");
        form.findElement(By.cssSelector("input[type=submit]")).click();
        wait(d -> d.getPageSource().contains("your review is on the deal"));
        assertTrue(browser.findElements(By.cssSelector("form.review-form")).isEmpty());
        assertTrue(browser.findElement(By.id("coupons")).getText().contains("Your review: ★★★★☆"));

        browser.get(base + "deal.xhtml?id=" + shop.dealId());
        WebElement reviews = browser.findElement(By.id("reviews"));
        assertTrue(reviews.getText().contains(HOSTILE), "the review shows as the text it is: " + reviews.getText());
        assertTrue(reviews.getText().contains("4.0") && reviews.getText().contains("from 1 review"), reviews.getText());
        assertEquals(
                Boolean.FALSE,
                ((JavascriptExecutor) browser).executeScript("return window.pwned === true;"),
                "no script ran");
        assertTrue(reviews.findElements(By.tagName("b")).isEmpty()
                && reviews.findElements(By.tagName("img")).isEmpty());
        Browser.screenshot(browser, "41-deal-reviews");

        browser.manage().deleteAllCookies();
        login(shop.merchant().email());
        browser.get(base + "merchant/reviews.xhtml");
        WebElement list = browser.findElement(By.id("merchant-reviews"));
        assertTrue(list.getText().contains(HOSTILE), list.getText());
        assertEquals(Boolean.FALSE, ((JavascriptExecutor) browser).executeScript("return window.pwned === true;"));
        list.findElement(By.cssSelector("textarea")).sendKeys("Thank you! <i>See you soon</i>");
        list.findElement(By.cssSelector("input[value='Reply']")).click();
        wait(d -> d.getPageSource().contains("Reply posted"));
        assertTrue(browser.findElement(By.id("merchant-reviews")).getText().contains("Your reply"));
        Browser.screenshot(browser, "42-merchant-reviews");

        browser.get(base + "deal.xhtml?id=" + shop.dealId());
        assertTrue(
                browser.findElement(By.id("reviews"))
                        .getText()
                        .contains("Reply from Script Soup\nThank you! <i>See you soon</i>"),
                browser.findElement(By.id("reviews")).getText());
    }

    private void login(String email) {
        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login:email")).sendKeys(email);
        browser.findElement(By.id("login:password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("login:submit")).click();
        wait(ExpectedConditions.not(ExpectedConditions.urlContains("/login.xhtml")));
    }
}
