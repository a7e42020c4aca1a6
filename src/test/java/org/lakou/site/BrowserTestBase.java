package org.lakou.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
import org.lakou.IntegrationTestBase;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every browser test shares: one headless Chromium per test class (starting it costs more than
 * most tests), axe-core on the pages a test visits, collected so that a test reports every page's
 * problems at once, and a screenshot of the last page of each test in target/screenshots/.
 */
@Tag("browser")
abstract class BrowserTestBase extends IntegrationTestBase {

    static ChromeDriver driver;

    final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void chromium() {
        Assumptions.assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
        driver = Browser.start();
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @AfterEach
    void screenshotAndAudit(TestInfo info) {
        if (driver != null) {
            Browser.screenshot(driver, getClass().getSimpleName() + "-" + info.getTestMethod().orElseThrow().getName());
        }
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    void open(String path) {
        driver.get(baseUrl() + path);
        audit();
    }

    /** axe-core on the page now shown, its problems named by the page's address. */
    void audit() {
        audit(driver.getCurrentUrl());
    }

    void audit(String where) {
        Browser.violations(driver).forEach(v -> violations.add(where + " → " + v));
    }

    WebElement waitFor(By by) {
        return waitFor(by, 30);
    }

    WebElement waitFor(By by, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The login form, as a person fills it in; done when the page shows the link a signed-in user gets. */
    void login(String email, String password, By signedIn) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(signedIn);
    }
}
