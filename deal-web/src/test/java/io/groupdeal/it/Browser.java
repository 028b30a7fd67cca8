package io.groupdeal.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
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

/** Headless Debian Chromium driven by Debian's chromedriver (never downloaded), with screenshots in target/. */
public final class Browser {

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
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("deal.it.chromium", "/usr/bin/chromium"));
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--disable-quic",
                    "--window-size=1366,900",
                    "--user-data-dir=" + Files.createTempDirectory("chromium-it"));
            if (acceptLanguage != null) {
                options.addArguments("--lang=" + acceptLanguage, "--accept-lang=" + acceptLanguage);
                options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", acceptLanguage));
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
