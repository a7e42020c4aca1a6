package org.lakou.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Copy;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.search.SearchApi;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The public catalogue and the member space in a real browser (Debian's headless Chromium), one
 * driver for the class. Every page visited is checked with axe-core; each test leaves a screenshot
 * of its last page in target/screenshots/. Skipped when Chromium is not installed.
 */
class CatalogueBrowserTest extends BrowserTestBase {

    static final String LIEN_SOCIAL = "https://w3id.org/lakou/thesaurus/thematique/lien-social";
    static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    static Record record;

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    SearchApi search;

    @BeforeEach
    void catalogue() {
        driver.manage().deleteAllCookies();
        if (record == null) {
            Record r = catalogue.create(new RecordFields("Maisons de quartier et lien social " + RUN, null,
                    List.of("Centre de ressources Ville caraïbe"), "Ville caraïbe", "2018", "étude", "fr",
                    "Comment les maisons de quartier de Fort-de-France tissent le lien social " + RUN + ".",
                    List.of(LIEN_SOCIAL), List.of(), "navigateur", AccessLevel.PUBLIC));
            catalogue.publish(r.id());
            catalogue.addCopy(r.id(), new Copy("NAV" + RUN, "301 MAI", "Salle de lecture", null));
            record = catalogue.get(r.id());
            search.awaitIndexed(Duration.ofSeconds(30));
        }
    }

    private void click(By by) {
        WebElement e = new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(by));
        e.click();
    }

    private void loginAsMember() {
        login(MEMBER, PASSWORD, By.cssSelector("a[href='/compte']"));
    }

    @Test
    void anonymousSearchesOpensTheSubjectTreeRefinesAndOpensTheRecord() {
        open("/");
        WebElement q = driver.findElement(By.id("home-q"));
        q.sendKeys("quartier " + RUN);
        q.submit();
        waitFor(By.cssSelector(".hits"));
        audit();
        assertThat(driver.getTitle()).contains("quartier " + RUN);
        WebElement tree = driver.findElement(By.cssSelector(".tree"));
        WebElement summary = tree.findElement(By.xpath(".//a[text()='Cohésion sociale']/following-sibling::details/summary"));
        summary.click();
        click(By.xpath("//section[contains(@class,'tree')]//a[text()='lien social']"));
        waitFor(By.cssSelector(".active-filters"));
        audit();
        assertThat(driver.getCurrentUrl()).contains("sujet=");
        click(By.linkText(record.title()));
        waitFor(By.cssSelector(".record-head h1"));
        audit();
        assertThat(driver.findElement(By.cssSelector(".record-head h1")).getText()).contains(record.title());
        // live availability: "disponible", or "réservé" once the hold test below has run
        assertThat(driver.findElement(By.cssSelector(".side")).getText()).contains("301 MAI")
                .containsAnyOf("disponible", "réservé");
    }

    @Test
    void memberLogsInPlacesAHoldFromTheRecordAndSeesItInMesReservations() {
        loginAsMember();
        open("/records/" + record.id());
        click(By.id("hold-button"));
        waitFor(By.id("holds"));
        audit();
        assertThat(driver.getCurrentUrl()).endsWith("/compte/reservations");
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("réservation est enregistrée");
        // a copy is on the shelf, so the hold is ready at once and kept for pick-up
        assertThat(driver.findElement(By.id("holds")).getText()).contains(record.title()).contains("À retirer avant le");
    }

    @Test
    void anonymousAskingIsSentToLoginThenCreatesARequestAndFollowsIt() {
        open("/records/" + record.id());
        click(By.id("request-button"));
        waitFor(By.id("username"));
        audit();
        driver.findElement(By.id("username")).sendKeys(MEMBER);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(By.id("description"));
        audit();
        assertThat(driver.findElement(By.id("subject")).getAttribute("value")).contains(record.title());
        driver.findElement(By.id("description")).sendKeys("Avez-vous d’autres études sur ce quartier ?");
        driver.findElement(By.id("request-submit")).click();
        waitFor(By.id("request-status"));
        audit();
        assertThat(driver.findElement(By.id("request-status")).getText()).isEqualTo("nouvelle");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Avez-vous d’autres études")
                .contains(record.title());
        open("/compte/demandes");
        assertThat(driver.findElement(By.id("requests")).getText()).contains(record.title());
        driver.findElement(By.partialLinkText(record.title())).click();
        waitFor(By.id("request-status"));
        audit();
    }

    @Test
    void browsesTheThesaurusToAConceptPageThenItsRecords() {
        open("/thesaurus");
        click(By.cssSelector("button[aria-label*='Cohésion sociale']"));
        click(By.xpath("//ul[contains(@class,'concept-tree')]//a[text()='lien social']"));
        waitFor(By.cssSelector("main h1"));
        audit();
        assertThat(driver.findElement(By.cssSelector("main h1")).getText()).isEqualTo("lien social");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Terme générique").contains("Cohésion sociale");
        waitFor(By.cssSelector(".preview"));
        click(By.id("concept-records"));
        waitFor(By.cssSelector(".hits"));
        audit();
        assertThat(driver.findElement(By.cssSelector(".hits")).getText()).contains(record.title());
    }

    /** The audit itself can fail: a page with an unlabelled field and no language is reported. */
    @Test
    void axeReportsAPageThatBreaksTheRules() {
        driver.get("data:text/html;charset=utf-8,<html><title>t</title><main><input type=text></main></html>");
        assertThat(Browser.violations(driver)).anyMatch(v -> v.contains("label")).anyMatch(v -> v.contains("html-has-lang"));
        open("/");
    }

    @Test
    void switchesToEnglishAndBack() {
        open("/");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        click(By.cssSelector("a.lang-switch"));
        waitFor(By.cssSelector("html[lang='en']"));
        audit();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Find a document");
        open("/thesaurus");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Thesaurus");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        click(By.cssSelector("a.lang-switch"));
        waitFor(By.cssSelector("html[lang='fr']"));
        audit();
        open("/");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Trouver un document");
    }
}
