package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The settlement pages in Chromium: the merchant's statement and the operator's across tenants show the same line. */
class SettlementPagesIT extends BrowserApp {

    @Test
    void merchantAndOperatorSeeTheStatement() {
        Counter.Shop shop = counter.shop("Ledger Lounge");
        for (String code : counter.coupons(shop.dealId(), 2)) {
            counter.redeem(shop.staffToken(), code, shop.first());
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String period = "?from=" + today.minusDays(1) + "&to=" + today;

        login(shop.merchant().email(), Fixtures.PASSWORD);
        browser.get(base + "merchant/settlements.xhtml" + period);
        String own = browser.findElement(By.id("statements")).getText();
        assertTrue(own.contains("EUR 2 €39.80 10.0 % €3.98 €35.82"), own);
        Browser.screenshot(browser, "45-merchant-settlements");

        browser.manage().deleteAllCookies();
        login(Fixtures.DEMO_OPERATOR, Fixtures.DEMO_PASSWORD);
        browser.get(base + "platform/settlements.xhtml" + period);
        String all = browser.findElement(By.id("statements")).getText();
        assertTrue(all.contains("Ledger Lounge EUR 2 €39.80 10.0 % €3.98 €35.82"), all);
        Browser.screenshot(browser, "46-operator-settlements");
    }

    private void login(String email, String password) {
        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login:email")).sendKeys(email);
        browser.findElement(By.id("login:password")).sendKeys(password);
        browser.findElement(By.id("login:submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login.xhtml")));
    }
}
