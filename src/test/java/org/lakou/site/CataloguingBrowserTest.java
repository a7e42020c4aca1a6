package org.lakou.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordStatus;
import org.lakou.search.SearchApi;
import org.lakou.search.SubjectSuggester;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Browser test 1 of the staff desk (issue 15): a documentalist uploads a PDF of the shared test
 * documents through the upload page, waits for its draft, accepts a suggested subject on the
 * review screen, publishes, and an anonymous reader's search then finds the record under that
 * subject. axe-core checks every page on the way; each page leaves a screenshot in
 * target/screenshots/. Skipped without Chromium or without ../shared.
 */
@Tag("browser")
class CataloguingBrowserTest extends IntegrationTestBase {

    /** An English manual: the thesaurus's English labels ("Environment", "Statistics") occur in it. */
    static final Path PDF = Path.of("../shared/data/docs/normal/pdfbox__cweb.pdf");
    static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    static ChromeDriver driver;

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    SearchApi search;
    @Autowired
    SubjectSuggester suggester;

    private final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void chromium() {
        Assumptions.assumeTrue(Files.isRegularFile(PDF), "../shared/data/docs is not there");
        Assumptions.assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
        driver = Browser.start();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1200));
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @AfterEach
    void audited() {
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    /** axe-core and a screenshot of the page now shown. */
    private void check(String name) {
        String where = driver.getCurrentUrl();
        Browser.violations(driver).forEach(v -> violations.add(where + " → " + v));
        Browser.screenshot(driver, "CataloguingBrowserTest-" + name);
    }

    private WebElement waitFor(By by, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * The shared PDF with a comment line after its end: the same document, other bytes. Other tests
     * of the suite ingest the corpus, and the same bytes again would be a duplicate, not a draft.
     */
    private static Path ownCopy() {
        try {
            Path copy = Files.createTempDirectory("lakou-desk").resolve("cweb-" + RUN + ".pdf");
            Files.write(copy, Files.readAllBytes(PDF));
            Files.writeString(copy, "\n% lakou desk test " + RUN + "\n", java.nio.file.StandardOpenOption.APPEND);
            return copy.toAbsolutePath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aDocumentalistUploadsAPdfAcceptsASuggestedSubjectAndPublishesAndTheReaderFindsIt() {
        assertThat(suggester.awaitConceptsIndexed(Duration.ofSeconds(60))).isTrue();
        driver.manage().deleteAllCookies();
        driver.get(baseUrl() + "/login");
        driver.findElement(By.id("username")).sendKeys(DOCUMENTALIST);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(By.cssSelector("a[href='/gestion']"), 20);

        driver.get(baseUrl() + "/gestion/depot");
        check("depot");
        driver.findElement(By.id("fichiers")).sendKeys(ownCopy().toString());
        driver.findElement(By.cssSelector("#depot-form button[type=submit]")).click();
        // the row polls until the worker has read the file: then it links to the draft's review screen
        WebElement review = waitFor(By.cssSelector(".uploads a[href^='/gestion/brouillons/']"), 120);
        check("depot-suivi");
        String recordId = review.getAttribute("href").replaceAll(".*/", "");
        review.click();

        waitFor(By.id("record-form"), 20);
        check("relecture");
        WebElement accept = waitFor(By.cssSelector(".suggestion .decide button[value=accepted]"), 20);
        String concept = accept.findElement(By.xpath("./parent::form/input[@name='conceptUri']"))
                .getAttribute("value");
        accept.click();
        waitFor(By.cssSelector(".suggestion.is-accepted"), 20);
        // the form took the subject and the new version out of band: publishing keeps both
        assertThat(driver.findElement(By.cssSelector("#subject-list input[value='" + concept + "']")).isSelected())
                .isTrue();
        assertThat(catalogue.get(recordId).subjects()).contains(concept);
        WebElement title = driver.findElement(By.id("f-title"));
        title.sendKeys(" " + RUN);
        driver.findElement(By.id("publish")).click();
        waitFor(By.cssSelector(".flash"), 20);
        check("notice");
        Record published = catalogue.get(recordId);
        assertThat(published.status()).isEqualTo(RecordStatus.PUBLISHED);
        assertThat(published.subjects()).contains(concept);
        assertThat(published.title()).endsWith(RUN);

        driver.get(baseUrl() + "/gestion/brouillons");
        check("brouillons");
        driver.get(baseUrl() + "/gestion/quarantaine");
        check("quarantaine");

        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();
        driver.manage().deleteAllCookies();
        driver.get(baseUrl() + "/recherche?q=" + RUN + "&sujet=" + Pages.enc(concept));
        waitFor(By.cssSelector(".hits"), 20);
        check("recherche-anonyme");
        assertThat(driver.findElement(By.cssSelector(".hits")).getText()).contains(published.title());
    }
}
