package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A demo merchant logs in with Chromium, adds a store and a staff member on "Stores &amp; staff", and sees them. */
@ExtendWith(ArquillianExtension.class)
class StoresPageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    private URL url;

    private WebDriver browser;
    private String base;

    @BeforeEach
    void setUp() {
        base = new Http(url).base().toString();
        browser = Browser.start();
    }

    @AfterEach
    void tearDown() {
        browser.quit();
    }

    @Test
    void merchantAddsAStoreAndAStaffMemberAndSeesThem() {
        browser.get(base + "merchant/stores.xhtml");
        assertTrue(browser.getCurrentUrl().contains("/login.xhtml"), "a guest is sent to the login page");
        Browser.screenshot(browser, "01-login");

        browser.findElement(By.id("login:email")).sendKeys("admin@spa.demo.groupdeal.io");
        browser.findElement(By.id("login:password")).sendKeys("wrong-password");
        browser.findElement(By.id("login:submit")).click();
        assertTrue(browser.getPageSource().contains("The email or password is not correct."));

        browser.findElement(By.id("login:password")).sendKeys(Fixtures.DEMO_PASSWORD);
        browser.findElement(By.id("login:submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/merchant/stores.xhtml"));
        assertTrue(browser.findElement(By.className("tenant-name")).getText().contains("Sunrise Spa"));

        String storeName = "Sunrise Spa Annex " + UUID.randomUUID().toString().substring(0, 6);
        browser.findElement(By.id("storeForm:name")).sendKeys(storeName);
        browser.findElement(By.id("storeForm:address")).sendKeys("Schönhauser Allee 36, 10435 Berlin");
        browser.findElement(By.id("storeForm:latitude")).sendKeys("52.5407");
        browser.findElement(By.id("storeForm:longitude")).sendKeys("13.4126");
        new Select(browser.findElement(By.id("storeForm:timeZone"))).selectByValue("Europe/Berlin");
        browser.findElement(By.id("storeForm:save")).click();

        WebElement stores = browser.findElement(By.id("stores"));
        assertTrue(stores.getText().contains(storeName), stores::getText);
        assertTrue(stores.getText().contains("Schönhauser Allee 36"), stores::getText);
        assertTrue(browser.getPageSource().contains("added."));

        String staffEmail = Fixtures.uniqueEmail("lena");
        browser.findElement(By.id("staffForm:staffName")).sendKeys("Lena Front Desk");
        browser.findElement(By.id("staffForm:staffEmail")).sendKeys(staffEmail);
        browser.findElement(By.id("staffForm:staffPassword")).sendKeys(Fixtures.PASSWORD);
        browser.findElements(By.cssSelector("#staffForm\\:staffStores input[type=checkbox]")).stream()
                .filter(box -> browser.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']")).getText().equals(storeName))
                .findFirst().orElseThrow().click();
        browser.findElement(By.id("staffForm:saveStaff")).click();

        WebElement staff = browser.findElement(By.id("staff"));
        assertTrue(staff.getText().contains("Lena Front Desk"), staff::getText);
        assertTrue(staff.getText().contains(storeName), staff::getText);
        Browser.screenshot(browser, "02-stores-and-staff");

        Browser.phoneSize(browser);
        browser.navigate().refresh();
        Browser.screenshot(browser, "03-stores-and-staff-phone");

        browser.findElement(By.cssSelector("label.menu-button")).click();
        browser.findElement(By.id("logout:logoutButton")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login.xhtml"));
        browser.get(base + "merchant/stores.xhtml");
        assertTrue(browser.getCurrentUrl().contains("/login.xhtml"), "after logout the page asks to log in again");
        assertEquals(0, browser.manage().getCookies().stream().filter(c -> c.getName().equals("gd_session")).count());
    }
}
