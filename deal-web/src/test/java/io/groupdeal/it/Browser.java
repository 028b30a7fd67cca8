package io.groupdeal.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (never downloaded), with screenshots in target/. The
 * browser is Debian's headless shell of Chromium ({@code chromium-headless-shell}: the same Blink and V8 without the
 * browser's own window, tabs and services) when it is installed, and otherwise the full {@code chromium} in its new
 * headless mode. For the same pages the shell takes about a third less CPU; the browser ITs run while the product's
 * server and the API ITs share the machine's cores, so the whole run is faster with it.
 */
public final class Browser {

    private static final Dimension START_SIZE = new Dimension(1366, 900);

    /** Debian's headless shell (package {@code chromium-headless-shell}). */
    static final Path HEADLESS_SHELL = Path.of("/usr/lib/chromium/chromium-headless-shell");

    private Browser() {}

    public static WebDriver start() {
        return start(null, List.of());
    }

    /** A browser whose {@code Accept-Language} is {@code acceptLanguage} (null: Chromium's own, en-US here). */
    public static WebDriver start(String acceptLanguage) {
        return start(acceptLanguage, List.of());
    }

    /** Chromium with switches of its own besides ours, such as a fake camera that shows a file. */
    public static WebDriver start(List<String> switches) {
        return start(null, switches);
    }

    /** Chromium speaking {@code acceptLanguage} (null: its own), with switches of its own besides ours. */
    public static WebDriver start(String acceptLanguage, List<String> switches) {
        ChromeOptions options = new ChromeOptions();
        String binary = System.getProperty(
                "deal.it.chromium",
                Files.isExecutable(HEADLESS_SHELL) ? HEADLESS_SHELL.toString() : "/usr/bin/chromium");
        options.setBinary(binary);
        // The shell is headless by nature; the full browser is told to be.
        options.addArguments(Path.of(binary).equals(HEADLESS_SHELL) ? "--headless" : "--headless=new");
        options.addArguments(
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1366,900");
        if (acceptLanguage != null) {
            options.addArguments("--lang=" + acceptLanguage, "--accept-lang=" + acceptLanguage);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
        }
        options.addArguments(switches);
        // The console, read by cspViolations: a page the Content-Security-Policy breaks says so there.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("deal.it.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /**
     * Makes a browser a test is done with as fresh as a new one for the app at {@code appBase}, so that the next test of
     * the class can use it instead of starting Chromium again (about a second each, two under CI's load): one window
     * showing about:blank at the start size, no cookie, no storage of the origin (local and session storage, IndexedDB,
     * the service worker and its caches), an empty HTTP cache, no emulated screen or place, and the console read.
     * False when the browser could not be brought back (an alert open, Chromium gone): the caller quits it.
     */
    public static boolean freshen(WebDriver driver, String appBase) {
        try {
            List<String> windows = List.copyOf(driver.getWindowHandles());
            for (String extra : windows.subList(1, windows.size())) {
                driver.switchTo().window(extra).close();
            }
            driver.switchTo().window(windows.get(0));
            driver.get("about:blank");
            ChromeDriver chromium = (ChromeDriver) driver;
            String origin = URI.create(appBase).resolve("/").toString().replaceAll("/$", "");
            chromium.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
            chromium.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            chromium.executeCdpCommand("Network.clearBrowserCache", Map.of());
            chromium.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            chromium.executeCdpCommand("Emulation.clearGeolocationOverride", Map.of());
            driver.manage().window().setSize(START_SIZE);
            driver.manage().logs().get(LogType.BROWSER);
            return true;
        } catch (RuntimeException brokenOrBusy) {
            return false;
        }
    }

    /** Quits a browser that may be gone already. */
    public static void quietlyQuit(WebDriver driver) {
        try {
            driver.quit();
        } catch (RuntimeException alreadyGone) {
            // nothing left to end
        }
    }

    /** The console messages since the last call that report a Content-Security-Policy violation (none on our pages). */
    public static List<String> cspViolations(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    public static void phoneSize(WebDriver driver) {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    /** Saves a PNG of the page as target/screenshots/{name}.png ({@code zh-CN/10-deal}: in a folder of its own). */
    public static Path screenshot(WebDriver driver, String name) {
        try {
            Path file = Path.of("target", "screenshots").resolve(name + ".png");
            Files.createDirectories(file.getParent());
            Files.copy(
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                    file,
                    StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
