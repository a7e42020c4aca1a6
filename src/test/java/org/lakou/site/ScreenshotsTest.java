package org.lakou.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Copy;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.search.SearchApi;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The README's screenshots (docs/screenshots/*.png), taken from a live Lakou with a small sample
 * catalogue, and the staff desk's review screen. Not part of the test suite (tag {@code screenshots}); run {@code docs/screenshots/refresh}.
 */
@Tag("screenshots")
class ScreenshotsTest extends IntegrationTestBase {

    private static final String T = "https://w3id.org/lakou/thesaurus/thematique/";
    private static final String G = "https://w3id.org/lakou/thesaurus/territoires/";
    static ChromeDriver driver;

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    SearchApi search;

    @BeforeAll
    static void chromium() {
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

    private Record add(String title, String type, String date, String summary, List<String> subjects,
            List<String> places, String shelf) {
        Record r = catalogue.create(new RecordFields(title, null, List.of("Centre de ressources Ville caraïbe"),
                "Ville caraïbe", date, type, "fr", summary, subjects, places, "exemples", AccessLevel.PUBLIC));
        catalogue.publish(r.id());
        if (shelf != null) {
            catalogue.addCopy(r.id(), new Copy("EX" + r.id().substring(0, 6), shelf, "Salle de lecture", null));
        }
        return catalogue.get(r.id());
    }

    @Test
    void takeTheReadmeScreenshots() throws IOException {
        Record main = add("La médiation sociale dans les quartiers prioritaires de Fort-de-France", "étude", "2021",
                "Une enquête auprès des médiateurs sociaux de Fort-de-France : missions, partenaires, formation "
                        + "et place de la médiation dans le contrat de ville.",
                List.of(T + "mediation-sociale", T + "quartiers-prioritaires"), List.of(G + "fort-de-france"), "362.5 MED");
        add("Guide méthodologique de la médiation de nuit", "guide méthodologique", "2019",
                "Repères pour créer un service de médiation de nuit : diagnostic, recrutement, coordination.",
                List.of(T + "mediation-sociale"), List.of(G + "martinique"), "362.5 GUI");
        add("Adultes-relais : bilan de la médiation sociale en Martinique", "rapport", "2017",
                "Bilan du dispositif adultes-relais et de la médiation sociale et culturelle.",
                List.of(T + "mediation-sociale", T + "cohesion-sociale"), List.of(G + "martinique"), null);
        add("Rénovation urbaine et relogement à Trinité", "rapport", "2020",
                "Le relogement des ménages dans le projet de rénovation urbaine.",
                List.of(T + "renovation-urbaine"), List.of(G + "trinite"), "711 REN");
        add("Lettre d'information du centre de ressources n° 42", "lettre d'information", "2023",
                "Actualités de la politique de la ville en Martinique : médiation, emploi, jeunesse.",
                List.of(T + "jeunesse", T + "emploi-et-insertion"), List.of(G + "martinique"), null);
        search.awaitIndexed(Duration.ofSeconds(60));
        Path out = Path.of("docs", "screenshots");
        Files.createDirectories(out);
        shoot("/", out.resolve("home.png"));
        shoot("/recherche?q=m%C3%A9diation", out.resolve("results.png"));
        shoot("/records/" + main.id(), out.resolve("record.png"));
        driver.get(baseUrl() + "/thesaurus");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions
                .elementToBeClickable(By.cssSelector("button[aria-label*='Cohésion sociale']"))).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions
                .visibilityOfElementLocated(By.cssSelector(".slot .branch")));
        save(out.resolve("thesaurus.png"));
        shootReviewScreen(out.resolve("review.png"));
    }

    /** The staff desk's review screen of a fresh draft with text, so subjects are suggested. */
    private void shootReviewScreen(Path file) throws IOException {
        String text = """
                Depuis 2008, des médiateurs interviennent dans quatre collèges de Fort-de-France pour apaiser le \
                climat scolaire et lutter contre le décrochage scolaire. Les élèves médiateurs règlent les petits \
                conflits de la cour ; les relations parents-école se sont améliorées.""";
        Record draft = catalogue.createFromFile(new RecordFields("La médiation scolaire au collège : bilan", null,
                List.of("Association Médiation Caraïbe"), null, "2024", "rapport", "fr", null, null, null, null,
                AccessLevel.PUBLIC), new org.lakou.catalogue.FileRef("e5a1" + Long.toHexString(System.nanoTime()),
                "mediation-scolaire.pdf", "application/pdf", 48_213, 4, text.length(), false,
                org.lakou.catalogue.TextStatus.EXTRACTED), text);
        driver.manage().deleteAllCookies();
        driver.get(baseUrl() + "/login");
        driver.findElement(By.id("username")).sendKeys(DOCUMENTALIST);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions
                .visibilityOfElementLocated(By.cssSelector("a[href='/gestion']")));
        shoot("/gestion/brouillons/" + draft.id(), file);
    }

    /** The staff desk's statistics dashboard, with a loan and a request so that its charts show something. */
    @Test
    void takeTheDashboardScreenshot() throws IOException {
        org.lakou.stats.StatsActivity.create(catalogue, documentalist(), member(), memberId(MEMBER));
        driver.manage().deleteAllCookies();
        driver.get(baseUrl() + "/login");
        driver.findElement(By.id("username")).sendKeys(ADMIN);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions
                .visibilityOfElementLocated(By.cssSelector("a[href='/gestion']")));
        driver.get(baseUrl() + "/gestion/admin/statistiques");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> driver.executeScript(
                "return !!(window.Chart && Chart.getChart(document.getElementById('chart-months')));"));
        // draw the final frame now rather than mid-animation
        driver.executeScript("Object.values(Chart.instances).forEach(c => { c.stop(); c.update('none'); });");
        Path out = Path.of("docs", "screenshots");
        Files.createDirectories(out);
        save(out.resolve("dashboard.png"));
    }

    private void shoot(String path, Path file) throws IOException {
        driver.get(baseUrl() + path);
        save(file);
    }

    private void save(Path file) throws IOException {
        String name = "screenshot-" + file.getFileName().toString().replace(".png", "");
        Browser.screenshot(driver, name);
        Files.copy(Path.of("target", "screenshots", name + ".png"), file, StandardCopyOption.REPLACE_EXISTING);
    }
}
