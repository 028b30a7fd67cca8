package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In Chromium (拼团): a buyer starts a team from the deal page; a friend opens the shared link in a second browser,
 * sees who is in, logs in and joins, and the team completes; the merchant sets a draft's team buy in the editor and
 * sees the deal's teams formed and completed in its report. Screenshots in target/screenshots/teams/.
 */
@ExtendWith(LedgerAgrees.class)
class TeamPagesIT extends BrowserApp {

    private void logIn(WebDriver driver, String email) {
        driver.get(base + "login.xhtml");
        driver.findElement(By.id("login:email")).sendKeys(email);
        driver.findElement(By.id("login:password")).sendKeys(Fixtures.PASSWORD);
        driver.findElement(By.id("login:submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("login.xhtml")));
    }

    /** Scrolls the element into view for the screenshot. */
    private static void show(WebDriver driver, String id) {
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    @Test
    void aTeamStartedInOneBrowserIsJoinedFromASecondAndCompletes() throws Exception {
        Files.createDirectories(Path.of("target", "screenshots", "teams"));
        Fixtures.Merchant merchant = fixtures.merchantWithStore("Team Tofu");
        JsonObject deal = buying.dealOnSale(
                merchant,
                "Tofu feast",
                d -> d.add("teamSize", 2)
                        .add("teamPrice", "12.50")
                        .add("teamWindowMinutes", 120)
                        .add("options", OptionsIT.forOneAndForTwo(null)));
        String dealId = deal.getString("id");
        String forTwo = deal.getJsonArray("options").getJsonObject(1).getString("id");
        Fixtures.Person starter = fixtures.buyer();
        Fixtures.Person friend = fixtures.buyer();
        FluentWait<WebDriver> wait =
                new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class);

        logIn(browser, starter.email());
        browser.get(base + "deal.xhtml?id=" + dealId);
        assertTrue(browser.findElement(By.id("team-offer")).getText().contains("12.50"), "the team price shows");
        new Select(browser.findElement(By.id("teamOption"))).selectByVisibleText("For 2");
        show(browser, "team-box");
        Browser.screenshot(browser, "teams/01-deal-page-team-box");
        browser.findElement(By.id("teamStart:startTeam")).click();
        wait.until(ExpectedConditions.urlContains("team.xhtml"));
        String teamUrl = browser.getCurrentUrl();
        String teamId = teamUrl.substring(teamUrl.indexOf("id=") + 3);
        assertEquals("OPEN", browser.findElement(By.id("team-status")).getAttribute("data-status"));
        assertTrue(
                browser.findElement(By.id("team-members")).getText().contains("Test"),
                "the starter is in, by first name");
        assertTrue(
                browser.findElement(By.id("team-share")).getAttribute("value").endsWith("/team.xhtml?id=" + teamId));
        assertTrue(browser.findElement(By.id("team-time-left")).isDisplayed());
        assertTrue(
                browser.findElement(By.id("team-option")).getText().contains("For 2"),
                "the option the team buys shows");
        Browser.screenshot(browser, "teams/02-team-started");
        assertEquals(
                List.of(List.of(forTwo, "12.500")),
                Buying.query("SELECT option_id, unit_price FROM purchase_order" + " WHERE deal_id = ?", dealId),
                "the starter's order buys the chosen option at the team price");

        // the friend's browser speaks Chinese: the shared page in their language, checked by axe as well
        Accessibility friendsAxe = Accessibility.watch(Browser.start("zh-CN"), base);
        WebDriver second = friendsAxe.decorated();
        try {
            second.get(base + "team.xhtml?id=" + teamId);
            assertTrue(
                    second.findElement(By.id("login-to-join")).isDisplayed(), "a visitor is asked to log in to join");
            assertTrue(second.findElement(By.id("team-members")).getText().contains("Test"));
            assertTrue(second.findElement(By.id("team-status")).getText().contains("拼团中"), "in the friend's language");
            assertTrue(second.findElement(By.id("team-option")).getText().contains("拼团套餐"));
            Browser.screenshot(second, "teams/zh-CN/03-shared-link-anonymous");
            logIn(second, friend.email());
            second.get(base + "team.xhtml?id=" + teamId);
            second.findElement(By.id("join:joinTeam")).click();
            new WebDriverWait(second, Duration.ofSeconds(20))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> "COMPLETE"
                            .equals(d.findElement(By.id("team-status")).getAttribute("data-status")));
            assertEquals(
                    2, second.findElements(By.cssSelector("#team-members li")).size());
            assertTrue(second.findElement(By.id("team-status")).getText().contains("已成团"));
            Browser.screenshot(second, "teams/zh-CN/04-team-complete");
            friendsAxe.checkCurrentPage();
            List<String> violations = Browser.cspViolations(second);
            assertTrue(violations.isEmpty(), () -> "Content-Security-Policy violations: " + violations);
            assertTrue(
                    friendsAxe.violations().isEmpty(),
                    () -> "serious or critical accessibility violations (axe-core):\n"
                            + String.join("\n", friendsAxe.violations()));
        } finally {
            second.quit();
        }

        browser.navigate().refresh();
        wait.until(d -> "COMPLETE".equals(d.findElement(By.id("team-status")).getAttribute("data-status")));
        Browser.screenshot(browser, "teams/05-starter-sees-complete");
        for (String orderId : Buying.query("SELECT order_id FROM team_member WHERE team_id = ?", teamId).stream()
                .map(r -> r.get(0))
                .toList()) {
            assertEquals(1, Buying.awaitLedger(orderId, "CAPTURE", 1, 20), "every member is charged: " + orderId);
        }
    }

    @Test
    void theMerchantSetsATeamBuyInTheEditorAndSeesTheDealsTeams() throws Exception {
        Files.createDirectories(Path.of("target", "screenshots", "teams"));
        Fixtures.Merchant merchant = fixtures.merchantWithStore("Team Toast");
        Instant now = Instant.now();
        JsonObject draft = fixtures.newDeal(
                merchant.token(),
                Fixtures.deal("Toast for two", now.minusSeconds(600), now.plus(Duration.ofDays(1)), List.of()));
        String dealId = draft.getString("id");
        FluentWait<WebDriver> wait =
                new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class);

        logIn(browser, merchant.email());
        browser.get(base + "merchant/deal.xhtml?id=" + dealId);
        browser.findElement(By.id("teamTerms:teamSize")).sendKeys("3");
        browser.findElement(By.id("teamTerms:teamPrice")).sendKeys("25.00");
        browser.findElement(By.id("teamTerms:teamWindow")).sendKeys("60");
        browser.findElement(By.id("teamTerms:saveTeam")).click();
        String refused = wait.until(
                        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#teamTerms .flash-error")))
                .getText();
        assertTrue(refused.contains("price"), "a team price above the price is refused: " + refused);
        show(browser, "team-terms");
        Browser.screenshot(browser, "teams/06-editor-refuses-team-price");
        browser.findElement(By.id("teamTerms:teamPrice")).clear();
        browser.findElement(By.id("teamTerms:teamPrice")).sendKeys("15.00");
        browser.findElement(By.id("teamTerms:saveTeam")).click();
        wait.until(d -> "15.00"
                .equals(http.get("api/v1/deals/" + dealId, merchant.token())
                        .json()
                        .getString("teamPrice", null)));
        JsonObject saved = http.get("api/v1/deals/" + dealId, merchant.token()).json();
        assertEquals(3, saved.getInt("teamSize"));
        assertEquals(60, saved.getInt("teamWindowMinutes"));
        browser.navigate().refresh();
        show(browser, "team-terms");
        Browser.screenshot(browser, "teams/07-editor-team-saved");

        fixtures.publish(merchant.token(), dealId);
        Fixtures.Person buyer = fixtures.buyer();
        Reply started = http.send(
                "POST",
                "api/v1/teams",
                jakarta.json.Json.createObjectBuilder()
                        .add("dealId", dealId)
                        .add("paymentToken", "tok_ok")
                        .build()
                        .toString(),
                buyer.token(),
                "application/json",
                java.util.Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
        assertEquals(201, started.status(), started::toString);
        browser.get(base + "merchant/report.xhtml?id=" + dealId);
        assertEquals("1", browser.findElement(By.id("teams-formed")).getText());
        assertEquals("0", browser.findElement(By.id("teams-completed")).getText());
        assertEquals("0", browser.findElement(By.id("teams-failed")).getText());
        Browser.screenshot(browser, "teams/08-merchant-report-teams");
        // the open team ends as a failed one (its time passes), so the ledger check after the class finds it settled
        Buying.update(
                "UPDATE team SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE id = ?",
                started.json().getString("id"));
    }
}
