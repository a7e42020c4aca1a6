package org.lakou.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.circulation.CirculationApi;
import org.lakou.circulation.Fixtures;
import org.lakou.members.Member;
import org.lakou.members.MemberCategory;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The staff desk's circulation part in a real browser: checkout, a refusal in words and a return
 * by scanning at the desk (each scan typed and ended with Enter, as a keyboard-wedge scanner does,
 * answered by htmx in place), and a member's documentation request answered from the inbox, which
 * the member then reads. axe-core checks every page; each test leaves a screenshot.
 */
@Tag("browser")
class CirculationBrowserTest extends IntegrationTestBase {

    static ChromeDriver driver;

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    CirculationApi circulation;

    private final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void chromium() {
        Assumptions.assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
        driver = Browser.start();
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        driver.manage().deleteAllCookies();
    }

    @AfterEach
    void screenshotAndAudit(TestInfo info) {
        Browser.screenshot(driver, "CirculationBrowserTest-" + info.getTestMethod().orElseThrow().getName());
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    private void open(String path) {
        driver.get(baseUrl() + path);
        audit();
    }

    private void audit() {
        String where = driver.getCurrentUrl();
        Browser.violations(driver).forEach(v -> violations.add(where + " → " + v));
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void login(String email, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(By.cssSelector("a[href='/compte']"));
    }

    /** Types into the desk's field and presses Enter, then waits for htmx to put in the answer. */
    private String scan(String code, String expected) {
        WebElement field = waitFor(By.id("scan"));
        assertThat(driver.switchTo().activeElement()).as("the scan field has the focus").isEqualTo(field);
        field.sendKeys(code + Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions
                .textToBePresentInElementLocated(By.id("desk-result"), expected));
        audit();
        return driver.findElement(By.id("desk-result")).getText();
    }

    @Test
    void checkoutRefusalAndReturnByBarcodeAtTheDesk() {
        Fixtures f = new Fixtures(catalogue, memberApi);
        Record r = f.record("étude", 1);
        String barcode = f.barcodes(r).get(0);
        Member borrower = f.member(MemberCategory.ASSOCIATION);
        Member other = f.member(MemberCategory.COLLECTIVITE);
        login(DOCUMENTALIST, PASSWORD);
        open("/gestion/circulation");
        String url = driver.getCurrentUrl();

        assertThat(scan(borrower.email(), borrower.name())).contains("Adhérent : " + borrower.name());
        assertThat(scan(barcode, "Prêté")).contains("Prêté : « " + r.title() + " »", "À rendre le");
        assertThat(driver.findElement(By.id("member-loans")).getText()).contains(r.title(), barcode);
        assertThat(circulation.loanOf(barcode)).isPresent();
        assertThat(driver.getCurrentUrl()).as("htmx answered in place").isEqualTo(url);

        assertThat(scan(other.email(), other.name())).contains(other.name());
        String refused = scan(barcode, "refusé");
        assertThat(refused).contains("Prêt refusé pour « " + r.title() + " »", "cet exemplaire est déjà prêté.");
        assertThat(driver.findElement(By.cssSelector("#desk-result .desk-refused"))).isNotNull();

        driver.findElement(By.id("desk-done")).click();
        assertThat(scan(barcode, "Rendu")).contains("Rendu : « " + r.title() + " »");
        assertThat(circulation.loanOf(barcode)).isEmpty();
    }

    @Test
    void aMembersRequestIsAnsweredFromTheInboxAndTheMemberSeesTheAnswer() {
        String subject = "Budgets participatifs " + System.nanoTime();
        TestHttp.Response submitted = member().post("/api/requests", Map.of("subject", subject,
                "description", "Avez-vous des retours d’expérience sur les budgets participatifs ?",
                "expected", List.of("references")));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        Record cited = new Fixtures(catalogue, memberApi).record("étude", 0);

        login(DOCUMENTALIST, PASSWORD);
        open("/gestion/demandes?statut=new");
        assertThat(driver.findElement(By.id("requests-badge")).getText()).matches("\\d+");
        driver.findElement(By.linkText(subject)).click();
        waitFor(By.id("accept"));
        audit();
        driver.findElement(By.id("accept")).click();
        waitFor(By.id("start")).click();
        WebElement file = waitFor(By.id("attach-file"));
        audit();
        file.sendKeys(note().toString());
        driver.findElement(By.id("attach")).click();
        assertThat(waitFor(By.cssSelector(".flash")).getText()).contains("Le fichier est joint");
        WebElement text = waitFor(By.id("answer-texte"));
        text.sendKeys("Voici l’étude de référence sur le sujet.");
        driver.findElement(By.id("answer-records")).sendKeys(cited.id());
        WebElement minutes = driver.findElement(By.id("answer-minutes"));
        minutes.clear();
        minutes.sendKeys("30");
        driver.findElement(By.id("answer")).click();
        assertThat(waitFor(By.id("inbox-status")).getText()).isEqualTo("répondue");
        audit();
        assertThat(driver.findElement(By.id("request-log")).getText()).contains("réponse envoyée", "30 min");

        driver.manage().deleteAllCookies();
        login(MEMBER, PASSWORD);
        open("/compte/demandes");
        driver.findElement(By.partialLinkText(subject)).click();
        assertThat(waitFor(By.id("request-status")).getText()).isEqualTo("répondue");
        audit();
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("Voici l’étude de référence sur le sujet.", cited.title(), "bibliographie-budgets.txt");
    }

    /** A file to attach, as a documentalist picks one from their disk (multipart, with the CSRF token). */
    private static java.nio.file.Path note() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "browser-files"));
            return java.nio.file.Files.writeString(dir.resolve("bibliographie-budgets.txt"),
                    "Budgets participatifs : trois retours d'expérience.\n").toAbsolutePath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theCopiesAndLabelsPagesPassTheAudit() {
        Record r = new Fixtures(catalogue, memberApi).record("étude", 2);
        login(DOCUMENTALIST, PASSWORD);
        open("/gestion/exemplaires/" + r.id());
        assertThat(driver.findElement(By.id("copies")).getText()).contains(r.copies().get(0).barcode(), "disponible");
        assertThat(driver.findElement(By.id("cote-0")).getAttribute("value")).isEqualTo("362 VIL");
        open("/gestion/etiquettes");
        assertThat(driver.findElement(By.id("label-copies")).getText()).contains(r.title());
        open("/gestion/demandes");
        open("/gestion/circulation?lang=en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Circulation desk");
    }
}
