package io.groupdeal.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.events.EventFiringDecorator;
import org.openqa.selenium.support.events.WebDriverListener;

/**
 * axe-core (from npm, pinned by src/test/axe's lock file and installed into target/axe by the build) run on every page
 * a browser test sees: before the test leaves a page (a click, another address) and at its end, once per page. A
 * "serious" or "critical" violation is recorded with the page's address, the rule and the elements; BrowserApp fails
 * the test on any.
 */
public final class Accessibility implements WebDriverListener {

    private static final Path AXE = Path.of("target", "axe", "node_modules", "axe-core", "axe.min.js");
    private static final String CHECKED = "__axeChecked";

    private final WebDriver raw;
    private final String appBase;
    private final List<String> violations = new ArrayList<>();
    private static String axeSource;
    /** The Chromiums that load axe into every document themselves (a browser is passed from test to test). */
    private static final Set<WebDriver> PRELOADING =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private Accessibility(WebDriver raw, String appBase) {
        this.raw = raw;
        this.appBase = appBase;
    }

    /**
     * The browser, decorated so that each page it shows of the app at {@code appBase} is checked. Chromium is told once
     * to evaluate axe in every new document (DevTools' {@code Page.addScriptToEvaluateOnNewDocument}), which spares each
     * check sending the 650 KB script over WebDriver; a window it was not told of gets the script sent.
     */
    static Accessibility watch(WebDriver raw, String appBase) {
        if (raw instanceof ChromeDriver chromium && PRELOADING.add(raw)) {
            chromium.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source()));
        }
        return new Accessibility(raw, appBase);
    }

    WebDriver decorated() {
        return new EventFiringDecorator<>(this).decorate(raw);
    }

    List<String> violations() {
        return violations;
    }

    @Override
    public void beforeGet(WebDriver driver, String url) {
        checkCurrentPage();
    }

    @Override
    public void beforeClick(WebElement element) {
        checkCurrentPage();
    }

    @Override
    public void beforeSubmit(WebElement element) {
        checkCurrentPage();
    }

    @Override
    public void beforeQuit(WebDriver driver) {
        checkCurrentPage();
    }

    @Override
    public void beforeAnyNavigationCall(WebDriver.Navigation navigation, Method method, Object[] args) {
        checkCurrentPage();
    }

    /** Runs axe on the page on screen unless it was checked already (the mark lives in the page's own window). */
    @SuppressWarnings("unchecked")
    void checkCurrentPage() {
        JavascriptExecutor js = (JavascriptExecutor) raw;
        try {
            String url = raw.getCurrentUrl();
            if (url == null || !url.startsWith(appBase)) {
                return;
            }
            Object state =
                    js.executeScript("if (document.readyState !== 'complete' || document.contentType !== 'text/html'"
                            + " || window." + CHECKED
                            + ") { return 'skip'; } return typeof axe === 'undefined' ? 'no axe' : 'ready';");
            if ("skip".equals(state)) {
                return;
            }
            if ("no axe".equals(state)) {
                js.executeScript(source());
            }
            Object result = js.executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    window.%s = true;
                    axe.run(document, {resultTypes: ['violations']}).then(function (r) {
                        done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                            .map(function (v) {
                                return {id: v.id, impact: v.impact, help: v.help,
                                        nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' '); })};
                            }));
                    }, function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]); });
                    """.formatted(CHECKED));
            for (Map<String, Object> v : (List<Map<String, Object>>) result) {
                violations.add(url + " — " + v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " "
                        + v.get("nodes"));
            }
        } catch (WebDriverException pageGoneOrAlert) {
            // The page was leaving (a navigation under way, a confirm dialog open): the next page is checked instead.
        }
    }

    private static synchronized String source() {
        if (axeSource == null) {
            try {
                axeSource = Files.readString(AXE);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "axe-core is installed by the build into " + AXE.toAbsolutePath()
                                + " (npm, src/test/axe); run the ITs through Maven",
                        e);
            }
        }
        return axeSource;
    }
}
