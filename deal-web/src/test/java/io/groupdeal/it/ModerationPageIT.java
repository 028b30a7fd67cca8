package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The moderation pages in Chromium: the operator sees a moderated merchant's deals in the queue with their terms and
 * fine print, approves one and rejects the other with a reason (an empty reason is refused), and turns a tenant's
 * moderation on from the tenants page; the merchant sees the reason in the deals list and the editor, edits the deal and
 * publishes it again, which sends it back for review. Screenshots in target/screenshots/moderation/.
 */
// Not beside ModerationIT, which pages through the run's shared moderation queue that this one changes.
@ResourceLock("moderation-queue")
class ModerationPageIT extends BrowserApp {

    @Test
    void theOperatorApprovesOneDealAndRejectsAnotherWithAReasonThatTheMerchantThenSees() throws Exception {
        Files.createDirectories(Path.of("target", "screenshots", "moderation"));
        String word = UUID.randomUUID().toString().substring(0, 6);
        Fixtures.Merchant merchant = fixtures.moderatedMerchantWithStore("Lotus Tea House " + word);
        Instant now = Instant.now();
        String approvedTitle = "Afternoon tea for two " + word;
        String rejectedTitle = "Bubble tea flight " + word;
        String approved = fixtures.newDeal(
                        merchant.token(),
                        Fixtures.deal(approvedTitle, now.minusSeconds(60), now.plus(Duration.ofDays(5)), List.of())
                                .add("finePrint", "Weekdays 14:00 to 17:00. Reservation required."))
                .getString("id");
        String rejected = fixtures.newDeal(
                        merchant.token(),
                        Fixtures.deal(rejectedTitle, now.minusSeconds(60), now.plus(Duration.ofDays(5)), List.of())
                                .add("finePrint", ""))
                .getString("id");
        assertEquals("IN_REVIEW", fixtures.publish(merchant.token(), approved).getString("status"));
        assertEquals("IN_REVIEW", fixtures.publish(merchant.token(), rejected).getString("status"));
        Fixtures.Merchant other = fixtures.merchant("Quiet Quiche " + word);

        logIn(Fixtures.DEMO_OPERATOR, Fixtures.DEMO_PASSWORD, "/platform/tenants.xhtml");
        WebElement row = tenantRow(merchant.tenantId());
        assertTrue(
                row.findElement(By.cssSelector(".moderation-state")).getText().contains("Reviewed"), row::getText);
        assertTrue(tenantRow(other.tenantId())
                .findElement(By.cssSelector(".moderation-state"))
                .getText()
                .contains("Not reviewed"));
        tenantRow(other.tenantId())
                .findElement(By.cssSelector("input.moderation-toggle"))
                .click();
        textOnceItShows(By.tagName("body"), "The deals of Quiet Quiche " + word + " are reviewed before they go live.");
        assertTrue(tenantRow(other.tenantId())
                .findElement(By.cssSelector(".moderation-state"))
                .getText()
                .contains("Reviewed"));
        assertTrue(tenant(other.tenantId()).getBoolean("moderated"), "the switch changed the tenant");
        Browser.screenshot(browser, "moderation/01-operator-tenants");

        browser.findElement(By.cssSelector("a[href$='/platform/moderation.xhtml']"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.urlContains("/platform/moderation.xhtml"));
        WebElement first = review(approved);
        assertTrue(first.getText().contains("Lotus Tea House " + word), first::getText);
        assertTrue(
                first.getText().contains("Weekdays 14:00 to 17:00. Reservation required."),
                "the fine print is shown: " + first.getText());
        assertTrue(first.getText().contains("19.90 EUR"), first::getText);
        assertTrue(review(rejected).getText().contains("No fine print."), review(rejected)::getText);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", first);
        Browser.screenshot(browser, "moderation/02-queue");

        review(rejected).findElement(By.cssSelector("[data-role=reject]")).click();
        textOnceItShows(By.tagName("body"), "Write the reason, so that the merchant knows what to change.");
        assertEquals("IN_REVIEW", deal(merchant, rejected).getString("status"), "no reason: nothing changed");
        String reason = "Please add the fine print: when can the tea be had, and is a reservation needed?";
        review(rejected)
                .findElement(By.cssSelector("textarea[data-role=reason]"))
                .sendKeys(reason);
        review(rejected).findElement(By.cssSelector("[data-role=reject]")).click();
        textOnceItShows(By.tagName("body"), "“" + rejectedTitle + "” is sent back to its merchant.");
        assertTrue(browser.findElements(By.id("review-" + rejected)).isEmpty(), "rejected: out of the queue");

        ((JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
        review(approved).findElement(By.cssSelector("[data-role=approve]")).click();
        textOnceItShows(By.tagName("body"), "“" + approvedTitle + "” is approved and on sale.");
        assertTrue(browser.findElements(By.id("review-" + approved)).isEmpty(), "approved: out of the queue");
        Browser.screenshot(browser, "moderation/03-decided");

        assertEquals("ON_SALE", deal(merchant, approved).getString("status"));
        JsonObject sentBack = deal(merchant, rejected);
        assertEquals("DRAFT", sentBack.getString("status"));
        assertEquals(reason, sentBack.getString("rejection"));
        List<List<String>> sentBackMails = queued(merchant.email(), "Deal sent back: " + rejectedTitle);
        assertEquals(1, sentBackMails.size(), "the merchant is told once: " + sentBackMails);
        assertTrue(sentBackMails.get(0).get(0).contains(reason), "with the reason: " + sentBackMails);
        assertEquals(
                1, queued(merchant.email(), "Deal approved: " + approvedTitle).size());

        browser.manage().deleteAllCookies();
        logIn(merchant.email(), Fixtures.PASSWORD, "/merchant/");
        browser.get(base + "merchant/deals.xhtml");
        String list = textOnceItShows(By.id("deals"), reason);
        assertTrue(list.contains("ON SALE"), list);
        Browser.screenshot(browser, "moderation/04-merchant-deals");

        browser.get(base + "merchant/deal.xhtml?id=" + rejected);
        String notice = textOnceItShows(By.id("reviewRejected"), reason);
        assertTrue(notice.contains("Sent back by the platform"), notice);
        Browser.screenshot(browser, "moderation/05-merchant-editor-rejected");
        browser.findElement(By.id("deal:finePrint")).sendKeys("Daily 12:00 to 18:00. No reservation needed.");
        ((JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
        browser.findElement(By.id("deal:publish")).click();
        textOnceItShows(By.tagName("body"), "“" + rejectedTitle + "” is sent for review.");
        JsonObject again = deal(merchant, rejected);
        assertEquals("IN_REVIEW", again.getString("status"));
        assertFalse(again.containsKey("rejection") && !again.isNull("rejection"), again::toString);
        assertEquals("Daily 12:00 to 18:00. No reservation needed.", again.getString("finePrint"));

        browser.get(base + "merchant/deal.xhtml?id=" + rejected);
        textOnceItShows(By.id("reviewWaiting"), "Waiting for review");
        assertTrue(
                browser.findElements(By.id("deal:save")).isEmpty(),
                "a deal in review is not editable on the page either");
        Browser.screenshot(browser, "moderation/06-merchant-editor-in-review");
    }

    private void logIn(String email, String password, String landing) {
        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login:email")).sendKeys(email);
        browser.findElement(By.id("login:password")).sendKeys(password);
        browser.findElement(By.id("login:submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.urlContains(landing));
    }

    private WebElement review(String dealId) {
        return wait(d -> d.findElement(By.id("review-" + dealId)));
    }

    private WebElement tenantRow(String tenantId) {
        return wait(d -> d.findElements(By.cssSelector("#tenants tbody tr")).stream()
                .filter(r -> r.getText().contains(tenantId))
                .findFirst()
                .orElse(null));
    }

    private JsonObject deal(Fixtures.Merchant merchant, String id) {
        Reply reply = http.get("api/v1/deals/" + id, merchant.token());
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private JsonObject tenant(String tenantId) {
        return http
                .get("api/v1/platform/tenants?size=100", fixtures.operatorToken())
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(t -> t.getString("tenantId").equals(tenantId))
                .findFirst()
                .orElseThrow();
    }

    /**
     * The text of each mail queued to {@code recipient} under {@code subject}: the decision writes its mail to the
     * outbox in its own transaction (ModerationIT reads the same mails as the mail server receives them).
     */
    private static List<List<String>> queued(String recipient, String subject) throws Exception {
        return Buying.query(
                "SELECT text_body FROM mail_outbox WHERE recipient = ? AND subject = ?", recipient, subject);
    }
}
