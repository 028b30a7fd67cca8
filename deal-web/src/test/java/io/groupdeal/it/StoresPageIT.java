package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in Chromium: a demo merchant logs in, adds a store and a staff member on "Stores &amp; staff" and sees
 * them; a new merchant signs up; the operator sees a tenant's live deals and sales, suspends it and changes its
 * commission.
 */
class StoresPageIT extends BrowserApp {

    @Test
    void merchantAddsAStoreAndAStaffMemberAndSeesThem() {
        browser.get(base + "merchant/stores.xhtml");
        assertTrue(browser.getCurrentUrl().contains("/login.xhtml"), "a guest is sent to the login page");
        Browser.screenshot(browser, "01-login");

        browser.findElement(By.id("login:email")).sendKeys("admin@spa.demo.groupdeal.io");
        browser.findElement(By.id("login:password")).sendKeys("wrong-password");
        browser.findElement(By.id("login:submit")).click();
        waitForText("The email or password is not correct.");

        browser.findElement(By.id("login:password")).sendKeys(Fixtures.DEMO_PASSWORD);
        browser.findElement(By.id("login:submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.urlContains("/merchant/stores.xhtml"));
        assertTrue(browser.findElement(By.className("tenant-name")).getText().contains("Sunrise Spa"));

        String storeName = "Sunrise Spa Annex " + UUID.randomUUID().toString().substring(0, 6);
        browser.findElement(By.id("storeForm:name")).sendKeys(storeName);
        browser.findElement(By.id("storeForm:address")).sendKeys("Schönhauser Allee 36, 10435 Berlin");
        browser.findElement(By.id("storeForm:latitude")).sendKeys("52.5407");
        browser.findElement(By.id("storeForm:longitude")).sendKeys("13.4126");
        new Select(browser.findElement(By.id("storeForm:timeZone"))).selectByValue("Europe/Berlin");
        browser.findElement(By.id("storeForm:save")).click();

        waitForText("” added.");
        WebElement stores = browser.findElement(By.id("stores"));
        assertTrue(stores.getText().contains(storeName), stores::getText);
        assertTrue(stores.getText().contains("Schönhauser Allee 36"), stores::getText);
        assertTrue(browser.getPageSource().contains("added."));

        String staffEmail = Fixtures.uniqueEmail("lena");
        browser.findElement(By.id("staffForm:staffName")).sendKeys("Lena Front Desk");
        browser.findElement(By.id("staffForm:staffEmail")).sendKeys(staffEmail);
        browser.findElement(By.id("staffForm:staffPassword")).sendKeys(Fixtures.PASSWORD);
        browser.findElements(By.cssSelector("#staffForm\\:staffStores input[type=checkbox]")).stream()
                .filter(box -> browser.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']"))
                        .getText()
                        .equals(storeName))
                .findFirst()
                .orElseThrow()
                .click();
        browser.findElement(By.id("staffForm:saveStaff")).click();

        waitForText("Added Lena Front Desk.");
        WebElement staff = browser.findElement(By.id("staff"));
        assertTrue(staff.getText().contains("Lena Front Desk"), staff::getText);
        assertTrue(staff.getText().contains(storeName), staff::getText);
        Browser.screenshot(browser, "02-stores-and-staff");

        Browser.phoneSize(browser);
        browser.navigate().refresh();
        Browser.screenshot(browser, "03-stores-and-staff-phone");

        browser.findElement(By.cssSelector("label.menu-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.className("sidebar")).getRect().getX() == 0);
        Browser.screenshot(browser, "03-phone-menu");
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        browser.findElement(By.id("logout:logoutButton")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.urlContains("/login.xhtml"));
        Cookie after = browser.manage().getCookieNamed("JSESSIONID");
        assertNotEquals(session, after == null ? null : after.getValue(), "logout ended the HTTP session");
        browser.get(base + "merchant/stores.xhtml");
        assertTrue(browser.getCurrentUrl().contains("/login.xhtml"), "after logout the page asks to log in again");
        assertEquals(
                0,
                browser.manage().getCookies().stream()
                        .filter(c -> c.getName().equals("gd_session"))
                        .count());
    }

    @Test
    void newMerchantSignsUpAndLandsOnAnEmptyStoresPage() {
        browser.get(base + "signup.xhtml");
        String email = Fixtures.uniqueEmail("signup");
        browser.findElement(By.id("signup:businessName")).sendKeys("Page Signup Pizza");
        browser.findElement(By.id("signup:email")).sendKeys(email);
        browser.findElement(By.id("signup:password")).sendKeys("short");
        browser.findElement(By.id("signup:submit")).click();
        waitForText("Password must have at least 10 characters.");

        browser.findElement(By.id("signup:password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("signup:submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.urlContains("/merchant/stores.xhtml"));
        assertTrue(browser.findElement(By.className("tenant-name")).getText().contains("Page Signup Pizza"));
        assertTrue(browser.getPageSource().contains("No stores yet."));
        Browser.screenshot(browser, "04-new-merchant");

        // A store that a deal names cannot be deleted: the page says which deal needs it, and the store stays.
        String token = fixtures.token(email, Fixtures.PASSWORD);
        String storeId = fixtures.newStore(token, "Pizza Corner").getString("id");
        fixtures.newDeal(
                token,
                Fixtures.deal(
                        "Corner Pizza Night",
                        java.time.Instant.now(),
                        java.time.Instant.now().plusSeconds(86_400),
                        java.util.List.of(storeId)));
        browser.get(base + "merchant/stores.xhtml");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
        browser.findElements(By.cssSelector("#stores tbody tr")).stream()
                .filter(r -> r.getText().contains("Pizza Corner"))
                .findFirst()
                .orElseThrow()
                .findElement(By.cssSelector("input[value=Delete]"))
                .click();
        waitForText("Pizza Corner is still needed by the deal “Corner Pizza Night”");
        assertEquals(200, http.get("api/v1/stores/" + storeId, token).status(), "the store stays");
        Browser.screenshot(browser, "04b-store-in-use");
    }

    @Test
    void operatorSuspendsATenantFromTheTenantsPage() {
        Fixtures.Merchant merchant = fixtures.merchantWithStore("Suspendable Subs");
        String dealId = buying.dealIdOnSale(merchant, "Sub of the Day", d -> {});
        assertEquals(201, buying.buy(fixtures.buyer(), dealId, 2).status());
        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login:email")).sendKeys(Fixtures.DEMO_OPERATOR);
        browser.findElement(By.id("login:password")).sendKeys(Fixtures.DEMO_PASSWORD);
        browser.findElement(By.id("login:submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.urlContains("/platform/tenants.xhtml"));

        WebElement row = tenantRow(merchant.tenantId());
        assertTrue(row.getText().contains("Active"), row::getText);
        assertEquals("1", row.findElement(By.cssSelector("td.live-deals")).getText(), "one deal on sale");
        assertEquals(
                "2 sold\n€39.80",
                row.findElement(By.cssSelector("td.sales")).getText(),
                "two coupons in the last 30 days");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
        row.findElement(By.cssSelector("input[value=Suspend]")).click();
        waitForText("Suspendable Subs is suspended");
        row = tenantRow(merchant.tenantId());
        assertTrue(row.getText().contains("Suspended"), row::getText);
        assertTrue(browser.getPageSource().contains("Suspendable Subs is suspended"));
        Browser.screenshot(browser, "05-operator-tenants");

        Reply refused = http.get("api/v1/stores", merchant.token());
        assertEquals(401, refused.status(), "the suspended tenant's token stopped working");

        WebElement rate = tenantRow(merchant.tenantId()).findElement(By.cssSelector("input.commission-input"));
        assertEquals("10", rate.getAttribute("value"), "10 % by default");
        rate.clear();
        rate.sendKeys("12.5");
        tenantRow(merchant.tenantId())
                .findElement(By.cssSelector("input[value=Save]"))
                .click();
        waitForText("Suspendable Subs now pays 12.5 % commission.");
        assertEquals(
                "12.5",
                tenantRow(merchant.tenantId())
                        .findElement(By.cssSelector("input.commission-input"))
                        .getAttribute("value"));
        Browser.screenshot(browser, "06-operator-commission");
        String operator = fixtures.token(Fixtures.DEMO_OPERATOR, Fixtures.DEMO_PASSWORD);
        assertEquals(
                "0.1250",
                http
                        .get("api/v1/platform/tenants?size=100", operator)
                        .json()
                        .getJsonArray("items")
                        .getValuesAs(jakarta.json.JsonObject.class)
                        .stream()
                        .filter(t -> t.getString("tenantId").equals(merchant.tenantId()))
                        .findFirst()
                        .orElseThrow()
                        .getString("commissionRate"));
    }

    @Test
    void aStoreThatADealNeedsIsRefusedWithOneMessageAtTheTop() {
        Fixtures.Merchant merchant = fixtures.merchant("Busy Bagels");
        String storeId =
                fixtures.newStore(merchant.token(), "Busy Bagels Mitte").getString("id");
        java.time.Instant start = java.time.Instant.now().plus(Duration.ofDays(1));
        fixtures.newDeal(
                merchant.token(),
                Fixtures.deal("Bagel Box", start, start.plus(Duration.ofDays(7)), java.util.List.of(storeId)));
        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login:email")).sendKeys(merchant.email());
        browser.findElement(By.id("login:password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("login:submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.urlContains("/merchant/"));
        browser.get(base + "merchant/stores.xhtml");

        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
        browser.findElements(By.cssSelector("#stores tbody tr")).stream()
                .filter(r -> r.getText().contains("Busy Bagels Mitte"))
                .findFirst()
                .orElseThrow()
                .findElement(By.cssSelector("input[value=Delete]"))
                .click();
        String refusal = "Busy Bagels Mitte is still needed by the deal";
        waitForText(refusal);
        String page = browser.findElement(By.tagName("body")).getText();
        assertEquals(
                1,
                page.split(java.util.regex.Pattern.quote(refusal), -1).length - 1,
                "the refusal shows once: " + page);
        assertTrue(browser.findElement(By.id("messages")).getText().contains(refusal), "at the top of the page");
        assertTrue(
                browser.findElement(By.id("stores")).getText().contains("Busy Bagels Mitte"),
                "the store is still there");
        Browser.screenshot(browser, "07-store-in-use");
    }

    /** Waits until the page shows the text: a click that submits a form returns before the answer is drawn. */
    private void waitForText(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.getPageSource().contains(text));
    }

    private WebElement tenantRow(String tenantId) {
        return browser.findElements(By.cssSelector("#tenants tbody tr")).stream()
                .filter(r -> r.getText().contains(tenantId))
                .findFirst()
                .orElseThrow();
    }
}
