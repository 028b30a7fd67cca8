package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the browser tests: the deployed app and a headless Chromium per test, fresh as a new one. A test passes its
 * Chromium on to the next test, of its class or another, emptied ({@link Browser#freshen}), rather than each starting
 * its own (a start cost Chromium 1.8 to 2.3 CPU-seconds here); the browsers left at the end are quit when the run's JVM ends.
 */
abstract class BrowserApp extends DeployedApp {

    /** The Chromiums of their own language that tests left, fresh, for the next ones (one, as the classes run in turn). */
    private static final Deque<WebDriver> KEPT = new ConcurrentLinkedDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(BrowserApp::quitKeptBrowsers, "quit-kept-browsers"));
    }

    protected WebDriver browser;
    protected String base;
    private Accessibility accessibility;
    /** The Chromium behind {@link #browser}, undecorated. */
    private WebDriver raw;
    /** {@link #browser} as {@link #open} made it; a test that replaces it with a Chromium of its own quits that. */
    private WebDriver watched;
    /** Whether {@link #raw} speaks Chromium's own language, so the next test may have it. */
    private boolean reusable;

    @BeforeEach
    void openBrowser() {
        base = http.base().toString();
        browser = open(null);
    }

    /** Quits the browsers that the last tests left for the next ones. */
    private static void quitKeptBrowsers() {
        for (WebDriver left = KEPT.poll(); left != null; left = KEPT.poll()) {
            Browser.quietlyQuit(left);
        }
    }

    /**
     * Another browser, with the {@code Accept-Language} given (null: Chromium's own), replacing the test's one; its
     * pages are checked by axe as every browser's are. Chromium's own is one a test left when there
     * is one ({@link Browser#freshen}: nothing of that test is left in it).
     */
    protected WebDriver open(String acceptLanguage) {
        if (browser != null) {
            closeBrowser();
        }
        WebDriver kept = acceptLanguage == null ? KEPT.poll() : null;
        raw = kept != null ? kept : Browser.start(acceptLanguage);
        reusable = acceptLanguage == null;
        accessibility = Accessibility.watch(raw, base);
        browser = accessibility.decorated();
        watched = browser;
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
            boolean replaced = browser != watched; // by a Chromium of the test's own making
            if (replaced) {
                Browser.quietlyQuit(browser);
            }
            if (reusable && !replaced && Browser.freshen(raw, base)) {
                KEPT.push(raw);
            } else {
                Browser.quietlyQuit(raw);
            }
            browser = null;
            raw = null;
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
