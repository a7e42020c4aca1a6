package org.lakou.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lakou.members.Member;
import org.lakou.members.MemberCategory;
import org.lakou.members.NewMember;
import org.lakou.members.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The administration pages of members, the loan policy grid and harvest sources in a real browser,
 * each checked with axe-core, also in their refused-form states (error messages tied to their
 * fields) and in English. One driver, one test: these pages have no script flow to exercise.
 */
class AdminPagesBrowserTest extends BrowserTestBase {

    /** Submits and waits for the answer page: reading the old page meanwhile would race the navigation. */
    private void submit(String formSelector) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector(formSelector + " button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
    }

    @Test
    void theAdministrationPagesPassAxeInEveryState() {
        Member m = memberApi.create(new NewMember("nav-" + UUID.randomUUID().toString().substring(0, 8) + "@lakou.test",
                "Adhérente du navigateur", "Quartier", MemberCategory.ETAT, Role.MEMBER, null));
        driver.get(baseUrl() + "/login");
        driver.findElement(By.id("username")).sendKeys(ADMIN);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();

        open("/gestion/admin/membres?q=navigateur");
        assertThat(driver.findElement(By.id("members")).getText()).contains("Adhérente du navigateur");
        open("/gestion/admin/membres/" + m.id());
        Browser.screenshot(driver, "AdminPagesBrowserTest-member");
        open("/gestion/admin/membres/nouveau");
        submit("form.admin-form");
        assertThat(driver.findElement(By.id("e-name")).isDisplayed()).isTrue();
        audit("refused member form");

        open("/gestion/admin/politique");
        driver.findElement(By.name("c0-0.maxLoans")).sendKeys("trois");
        submit("form.policy-form");
        assertThat(driver.findElement(By.id("c0-0-error")).getText()).contains("nombres");
        audit("refused policy grid");
        Browser.screenshot(driver, "AdminPagesBrowserTest-policy-refused");

        open("/gestion/admin/moissonnage");
        submit("form.admin-form");
        assertThat(driver.findElement(By.id("e-url")).isDisplayed()).isTrue();
        audit("refused harvest source");
        driver.findElement(By.id("s-name")).sendKeys("Centre du navigateur");
        driver.findElement(By.id("s-url")).sendKeys("https://partenaire.example.org/oai");
        submit("form.admin-form");
        assertThat(driver.findElement(By.cssSelector("main h1")).getText()).isEqualTo("Centre du navigateur");
        audit("harvest source page");
        Browser.screenshot(driver, "AdminPagesBrowserTest-harvest");
        open("/gestion/admin/moissonnage?lang=en");
        open("/gestion/admin/politique");
        Browser.screenshot(driver, "AdminPagesBrowserTest-policy");
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }
}
