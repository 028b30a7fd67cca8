package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The merchant's dashboard in Chromium: the landing page after login, its KPIs equal to the API's for the same
 * period, and the three charts really drawn (pixels on every canvas), on a desktop and on a phone; a period without
 * sales says so where the top deals' chart would be.
 */
class DashboardPageIT extends BrowserApp {

    @Test
    void theMerchantLandsOnTheDashboardAndSeesTheChartsDrawn() {
        Counter.Shop shop = counter.shop("Chart Chowder");
        String admin = shop.merchant().token();
        List<String> codes = counter.coupons(shop.dealId(), 3);
        counter.coupons(shop.dealId(), 2);
        assertEquals(201, counter.redeem(admin, codes.get(0), shop.first()).status());
        assertEquals(201, counter.redeem(admin, codes.get(1), shop.second()).status());

        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login:email")).sendKeys(shop.merchant().email());
        browser.findElement(By.id("login:password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("login:submit")).click();
        wait(ExpectedConditions.urlContains("/merchant/dashboard.xhtml"));
        wait(ExpectedConditions.attributeToBe(By.id("charts"), "data-drawn", "true"));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonObject api = http.get("api/v1/dashboard?from=" + today.minusDays(29) + "&to=" + today, admin)
                .json();
        assertEquals(5, api.getInt("sold"), api::toString);
        assertEquals(
                String.valueOf(api.getInt("sold")),
                browser.findElement(By.id("kpi-sold")).getText());
        assertEquals(
                "€" + api.getString("revenue"),
                browser.findElement(By.id("kpi-revenue")).getText());
        assertEquals(
                String.valueOf(api.getInt("redeemed")),
                browser.findElement(By.id("kpi-redeemed")).getText());
        assertEquals("40.0 %", browser.findElement(By.id("kpi-rate")).getText(), "2 of 5 redeemed");
        assertTrue(browser.findElement(By.id("top-deals")).getText().contains("Chart Chowder Lunch"));
        for (String chart : List.of("chart-days", "chart-stores", "chart-deals")) {
            assertTrue(paintedPixels(chart) > 200, chart + " is drawn");
        }
        Browser.screenshot(browser, "50-merchant-dashboard");

        Browser.phoneSize(browser);
        browser.get(base + "merchant/dashboard.xhtml?from=" + today.minusDays(6) + "&to=" + today);
        wait(ExpectedConditions.attributeToBe(By.id("charts"), "data-drawn", "true"));
        assertTrue(paintedPixels("chart-days") > 200, "drawn on a phone too");
        Browser.screenshot(browser, "51-merchant-dashboard-phone");

        LocalDate yearAgo = today.minusYears(1);
        browser.get(base + "merchant/dashboard.xhtml?from=" + yearAgo.minusDays(6) + "&to=" + yearAgo);
        wait(ExpectedConditions.attributeToBe(By.id("charts"), "data-drawn", "true"));
        assertEquals(
                "Nothing sold in this period.",
                browser.findElement(By.id("chart-deals-empty")).getText(),
                "no top deals: a sentence, not empty axes");
        assertTrue(browser.findElements(By.id("chart-deals")).isEmpty(), "no canvas without deals");
    }

    /** How many pixels of the canvas are not transparent: 0 for a chart that never drew. */
    private long paintedPixels(String canvasId) {
        Object count = ((JavascriptExecutor) browser)
                .executeScript(
                        "var c = document.getElementById(arguments[0]);"
                                + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
                                + "for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; }"
                                + "return n;",
                        canvasId);
        return ((Number) count).longValue();
    }
}
