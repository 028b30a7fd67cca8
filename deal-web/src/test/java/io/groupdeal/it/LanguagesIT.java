package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The pages in Simplified Chinese and English, in Chromium: the three journeys (a buyer, a merchant, the operator) in
 * zh-CN with a screenshot of each page in target/screenshots/zh-CN/; the switcher, remembered by a cookie for a
 * visitor and as the account's language across logins; the browser's Accept-Language for a visitor who never chose.
 * Every page seen is checked by axe-core too (BrowserApp).
 */
class LanguagesIT extends BrowserApp {

    @Test
    void aBuyerFindsBuysAndShowsACouponInChinese() {
        Fixtures.Merchant merchant =
                fixtures.merchant("包子铺 " + UUID.randomUUID().toString().substring(0, 4));
        fixtures.newStore(merchant.token(), "包子铺 三里屯店");
        String title = "双人包子套餐 " + UUID.randomUUID().toString().substring(0, 4);
        String dealId = buying.dealIdOnSale(merchant, title, d -> d.add("currency", "CNY"));
        open("zh-CN");

        browser.get(base + "index.xhtml?q=" + title.substring(title.lastIndexOf(' ') + 1));
        assertEquals("zh-CN", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(
                browser.findElement(By.tagName("h1")).getText().contains("一起拼团"),
                browser.findElement(By.tagName("h1")).getText());
        WebElement card = wait(d -> d.findElements(By.cssSelector(".deal-card")).stream()
                .filter(c -> c.getText().contains(title))
                .findFirst()
                .orElse(null));
        assertTrue(card.getText().contains("¥"), card::getText);
        assertTrue(card.getText().contains("还差"), card::getText);
        Browser.screenshot(browser, "zh-CN/01-storefront");

        card.click();
        wait(ExpectedConditions.urlContains("deal.xhtml"));
        assertTrue(
                browser.findElement(By.id("buy-box")).getText().contains("登录后购买"),
                browser.findElement(By.id("buy-box")).getText());
        assertTrue(browser.getPageSource().contains("团购详情"));
        Browser.screenshot(browser, "zh-CN/02-deal");

        browser.findElement(By.id("join-to-buy")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("join:name"))).sendKeys("李小龙");
        assertTrue(
                browser.findElement(By.tagName("h1")).getText().contains("加入"),
                browser.findElement(By.tagName("h1")).getText());
        Browser.screenshot(browser, "zh-CN/03-join");
        browser.findElement(By.id("join:email")).sendKeys(Fixtures.uniqueEmail("zh-buyer"));
        browser.findElement(By.id("join:password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("join:submit")).click();
        WebElement buy = wait(ExpectedConditions.presenceOfElementLocated(By.id("buyForm:buy")));
        assertEquals("立即购买", buy.getAttribute("value"));
        assertTrue(browser.findElement(By.id("buy-box")).getText().contains("支付方式"));
        Browser.screenshot(browser, "zh-CN/04-deal-buy");

        new Select(browser.findElement(By.id("buyForm:card"))).selectByValue("tok_ok");
        browser.findElement(By.id("buyForm:buy")).click();
        wait(ExpectedConditions.urlContains("account/index.xhtml"));
        WebElement coupon = wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#coupons .coupon")));
        assertEquals("我的团购券", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.cssSelector(".flash-info")).getText().contains("下单成功"));
        assertTrue(
                List.of("可使用", "待成团")
                        .contains(coupon.findElement(By.className("badge")).getText()),
                coupon::getText);
        assertTrue(coupon.getText().contains("有效期至") && coupon.getText().contains("¥"), coupon::getText);
        assertTrue(browser.findElement(By.id("orders")).getText().contains("金额"));
        Browser.screenshot(browser, "zh-CN/05-my-coupons");

        browser.manage().window().setSize(new Dimension(360, 740));
        browser.get(base + "deal.xhtml?id=" + dealId);
        assertNoSidewaysScroll();
        Browser.screenshot(browser, "zh-CN/06-deal-360px");
    }

    @Test
    void aMerchantPublishesADealAndSeesTheDashboardInChinese() {
        Fixtures.Merchant merchant =
                fixtures.merchant("面馆 " + UUID.randomUUID().toString().substring(0, 4));
        fixtures.newStore(merchant.token(), "面馆 中关村店");
        open("zh-CN");

        browser.get(base + "signup.xhtml");
        assertEquals(
                "创建商家账户", browser.findElement(By.cssSelector(".card-title")).getText());
        assertEquals("创建账户", browser.findElement(By.id("signup:submit")).getAttribute("value"));
        Browser.screenshot(browser, "zh-CN/10-signup");

        browser.get(base + "login.xhtml");
        assertEquals("欢迎回来", browser.findElement(By.tagName("h1")).getText());
        Browser.screenshot(browser, "zh-CN/11-login");
        logIn(merchant.email(), Fixtures.PASSWORD);
        wait(ExpectedConditions.urlContains("/merchant/dashboard.xhtml"));

        browser.get(base + "merchant/deal.xhtml");
        String title = "双人拉面 " + UUID.randomUUID().toString().substring(0, 4);
        browser.findElement(By.id("deal:title")).sendKeys(title);
        browser.findElement(By.id("deal:description")).sendKeys("两碗招牌拉面，外加两杯饮品。");
        new Select(browser.findElement(By.id("deal:currency"))).selectByValue("CNY");
        browser.findElement(By.id("deal:price")).sendKeys("99");
        browser.findElement(By.id("deal:originalValue")).sendKeys("168");
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        setValue("deal:salesStart", now.minusHours(1).toString());
        setValue("deal:salesEnd", now.plusDays(5).toString());
        setValue("deal:couponValidUntil", now.plusDays(60).toString());
        assertEquals("保存并发布", browser.findElement(By.id("deal:publish")).getAttribute("value"));
        assertTrue(browser.getPageSource().contains("预览：买家看到的样子"));
        Browser.screenshot(browser, "zh-CN/12-deal-editor");

        ((JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
        browser.findElement(By.id("deal:publish")).click();
        wait(ExpectedConditions.urlContains("/merchant/deals.xhtml"));
        assertTrue(textOnceItShows(By.cssSelector(".flash-info"), "已发布").contains(title));
        WebElement row = browser.findElements(By.cssSelector("#deals tbody tr")).stream()
                .filter(r -> r.getText().contains(title))
                .findFirst()
                .orElseThrow();
        assertTrue(row.getText().contains("在售") && row.getText().contains("¥99.00"), row::getText);
        Browser.screenshot(browser, "zh-CN/13-deals");

        browser.get(base + "merchant/dashboard.xhtml");
        wait(ExpectedConditions.attributeToBe(By.id("charts"), "data-drawn", "true"));
        assertEquals("经营概况", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.id("kpis")).getText().contains("核销率"));
        assertEquals(
                "售出",
                browser.findElement(By.id("charts")).getAttribute("data-label-sold"),
                "the charts' legend in Chinese");
        Browser.screenshot(browser, "zh-CN/14-dashboard");

        browser.get(base + "merchant/settings.xhtml");
        assertEquals("设置", browser.findElement(By.tagName("h1")).getText());
        assertEquals(
                "发给买家的邮件语言",
                browser.findElement(By.cssSelector("label[for='settings:mailLanguage']"))
                        .getText());
        new Select(browser.findElement(By.id("settings:mailLanguage"))).selectByVisibleText("中文");
        browser.findElement(By.id("settings:save")).click();
        textOnceItShows(By.cssSelector(".flash-info"), "设置已保存");
        Browser.screenshot(browser, "zh-CN/15-settings");
        assertEquals(
                "zh-CN", http.get("api/v1/settings", merchant.token()).json().getString("language"));
    }

    @Test
    void theOperatorSeesTheTenantsInChinese() {
        fixtures.merchant("茶馆 " + UUID.randomUUID().toString().substring(0, 4));
        open("zh-CN");
        browser.get(base + "login.xhtml");
        logIn(Fixtures.DEMO_OPERATOR, Fixtures.DEMO_PASSWORD);
        wait(ExpectedConditions.urlContains("/platform/tenants.xhtml"));
        assertEquals("商家管理", browser.findElement(By.tagName("h1")).getText());
        String table = browser.findElement(By.id("tenants")).getText();
        assertTrue(table.contains("在售团购") && table.contains("正常"), table);
        assertTrue(browser.findElement(By.className("account-role")).getText().contains("平台运营"));
        Browser.screenshot(browser, "zh-CN/20-tenants");
    }

    @Test
    void aVisitorsChoiceIsRememberedAcrossPages() {
        browser.get(base + "index.xhtml");
        assertEquals(
                "en", browser.findElement(By.tagName("html")).getAttribute("lang"), "Chromium here asks for en-US");
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("bought together"));
        Browser.screenshot(browser, "en/01-storefront");

        browser.findElement(By.id("language-zh")).click();
        wait(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertTrue(
                browser.getCurrentUrl().contains("index.xhtml"), "back on the same page: " + browser.getCurrentUrl());
        assertEquals("true", browser.findElement(By.id("language-zh")).getAttribute("aria-pressed"));
        Cookie cookie = browser.manage().getCookieNamed("lang");
        assertEquals("zh-CN", cookie.getValue());

        browser.get(base + "login.xhtml");
        assertEquals("欢迎回来", browser.findElement(By.tagName("h1")).getText());
        browser.get(base + "no-such-page.xhtml");
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("页面不存在"), "the error pages too");
        Browser.screenshot(browser, "zh-CN/30-not-found");

        browser.findElement(By.id("language-en")).click();
        wait(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        browser.get(base + "login.xhtml");
        assertEquals("Welcome back", browser.findElement(By.tagName("h1")).getText());
    }

    @Test
    void anAccountsChoiceIsRememberedAcrossLogins() throws Exception {
        Fixtures.Person buyer = fixtures.buyer();
        browser.get(base + "login.xhtml");
        logIn(buyer.email(), Fixtures.PASSWORD);
        wait(ExpectedConditions.urlContains("/account/index.xhtml"));
        assertEquals("My coupons", browser.findElement(By.tagName("h1")).getText());

        browser.findElement(By.id("language-zh")).click();
        wait(d -> "我的团购券".equals(d.findElement(By.tagName("h1")).getText()));
        assertEquals(List.of(List.of("ZH_CN")), Buying.query("SELECT language FROM account WHERE id = ?", buyer.id()));

        browser.findElement(By.id("logout:logoutButton")).click();
        wait(ExpectedConditions.urlContains("login.xhtml"));
        browser.manage().deleteAllCookies();
        browser.get(base + "login.xhtml");
        assertEquals(
                "Welcome back",
                browser.findElement(By.tagName("h1")).getText(),
                "a new visitor without a cookie: English");

        logIn(buyer.email(), Fixtures.PASSWORD);
        wait(ExpectedConditions.urlContains("/account/index.xhtml"));
        assertEquals(
                "我的团购券",
                browser.findElement(By.tagName("h1")).getText(),
                "the account's language, whatever the browser");
        assertEquals("zh-CN", browser.findElement(By.tagName("html")).getAttribute("lang"));
    }

    @Test
    void theBrowsersLanguageDecidesForAVisitorWhoNeverChose() {
        open("zh-CN");
        browser.get(base + "index.xhtml");
        assertEquals("zh-CN", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("一起拼团"));
        assertEquals("查找团购", browser.findElement(By.id("find")).getText());
        assertEquals(null, browser.manage().getCookieNamed("lang"), "nothing chosen, nothing remembered");

        browser.findElement(By.id("language-en")).click();
        wait(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertEquals(
                "Find deals",
                browser.findElement(By.id("find")).getText(),
                "a choice outweighs the browser's language");
    }

    private void logIn(String email, String password) {
        browser.findElement(By.id("login:email")).sendKeys(email);
        browser.findElement(By.id("login:password")).sendKeys(password);
        browser.findElement(By.id("login:submit")).click();
        wait(ExpectedConditions.not(ExpectedConditions.urlContains("/login.xhtml")));
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), value);
    }

    /** Nothing wider than the screen: no text or table pushes the page sideways. */
    private void assertNoSidewaysScroll() {
        Object widths = ((JavascriptExecutor) browser)
                .executeScript("return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
        List<?> both = (List<?>) widths;
        assertTrue(((Number) both.get(0)).intValue() <= ((Number) both.get(1)).intValue(), "scroll width " + both);
    }
}
