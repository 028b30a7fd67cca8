package io.groupdeal.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;

/** Base of the browser tests: the deployed app and a fresh headless Chromium per test. */
abstract class BrowserApp extends DeployedApp {

    protected WebDriver browser;
    protected String base;

    @BeforeEach
    void openBrowser() {
        base = http.base().toString();
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }
}
