package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Base of the browser tests: the deployed app and a fresh headless Chromium per test. */
abstract class BrowserApp extends DeployedApp {

    protected WebDriver browser;
    protected String base;
    private Accessibility accessibility;

    @BeforeEach
    void openBrowser() {
        base = http.base().toString();
        browser = open(null);
    }

    /**
     * Another browser, with the {@code Accept-Language} given (null: Chromium's own), replacing the test's one; its
     * pages are checked by axe as every browser's are.
     */
    protected WebDriver open(String acceptLanguage) {
        if (browser != null) {
            closeBrowser();
        }
        accessibility = Accessibility.watch(Browser.start(acceptLanguage), base);
        browser = accessibility.decorated();
        return browser;
    }

    /**
     * Every page a browser test saw ran under the Content-Security-Policy without breaking it, and had no serious or
     * critical accessibility violation (axe-core, {@link Accessibility}).
     */
    @AfterEach
    void closeBrowser() {
        if (browser == null) {
            return;
        }
        try {
            accessibility.checkCurrentPage();
            List<String> violations = Browser.cspViolations(browser);
            assertTrue(violations.isEmpty(), () -> "Content-Security-Policy violations: " + violations);
            List<String> inaccessible = accessibility.violations();
            assertTrue(
                    inaccessible.isEmpty(),
                    () -> "serious or critical accessibility violations (axe-core):\n"
                            + String.join("\n", inaccessible));
        } finally {
            browser.quit();
            browser = null;
        }
    }

    /**
     * Waits (at most 10 s) until the condition gives a value other than null or false. A condition that read an element
     * of the page a click is replacing (stale) is asked again, as a missing one is.
     */
    protected <T> T wait(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /**
     * The text of an element once it contains {@code expected}. After a submit the old page may still be on screen or
     * be replaced while it is read (Chromium then says the node "does not belong to the document"): read it again.
     */
    protected String textOnceItShows(By element, String expected) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(WebDriverException.class)
                .until(d -> {
                    String text = d.findElement(element).getText();
                    return text.contains(expected) ? text : null;
                });
    }
}
