package org.lakou.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.stats.StatsActivity;
import org.lakou.thesaurus.ThesaurusApi;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The administration pages of the staff desk in Debian's headless Chromium (issue 15, browser tests
 * 4 and 5): a thesaurus version uploaded through the page shows its diff and, applied, remaps a
 * deprecated concept on a record; the statistics charts hold the report API's figures, read from
 * the Chart.js instances themselves. axe-core on every page, a screenshot of each test's last page.
 */
@Tag("browser")
class AdminBrowserTest extends IntegrationTestBase {

    static ChromeDriver driver;

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    ThesaurusApi thesaurus;

    @TempDir
    Path tmp;

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
    void loginAsAdmin() {
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.id("username")).sendKeys(ADMIN);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(By.cssSelector("a[href='/gestion']"));
    }

    @AfterEach
    void screenshotAndAudit(TestInfo info) {
        Browser.screenshot(driver, "AdminBrowserTest-" + info.getTestMethod().orElseThrow().getName());
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
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Two versions of a tiny scheme: v2 deprecates "habitat insalubre" for the new "habitat indigne". */
    private static String version(String base, boolean second) {
        String head = """
                @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                @prefix owl: <http://www.w3.org/2002/07/owl#> .
                <%1$s> a skos:ConceptScheme ; dct:title "Habitat (essai navigateur)"@fr ; skos:hasTopConcept <%1$s/logement> .
                <%1$s/logement> a skos:Concept ; skos:inScheme <%1$s> ; skos:topConceptOf <%1$s> ;
                    skos:prefLabel "logement"@fr .
                """.formatted(base);
        if (!second) {
            return head + """
                    <%1$s/insalubre> a skos:Concept ; skos:inScheme <%1$s> ; skos:prefLabel "habitat insalubre"@fr ;
                        skos:broader <%1$s/logement> .
                    """.formatted(base);
        }
        return head + """
                <%1$s/insalubre> a skos:Concept ; skos:inScheme <%1$s> ; skos:prefLabel "habitat insalubre"@fr ;
                    skos:broader <%1$s/logement> ; owl:deprecated true ; dct:isReplacedBy <%1$s/indigne> .
                <%1$s/indigne> a skos:Concept ; skos:inScheme <%1$s> ; skos:prefLabel "habitat indigne"@fr ;
                    skos:broader <%1$s/logement> .
                """.formatted(base);
    }

    @Test
    void aVersionUploadShowsItsDiffAndApplyingItRemapsADeprecatedConcept() throws IOException {
        String base = "https://example.org/habitat-" + UUID.randomUUID().toString().substring(0, 8);
        thesaurus.importScheme(version(base, false).getBytes(StandardCharsets.UTF_8), "habitat-v1.ttl", "text/turtle",
                "test");
        Record r = catalogue.create(new RecordFields("Résorber les taudis à Fort-de-France", null, List.of(),
                null, "2015", "étude", "fr", null, List.of(base + "/insalubre"), List.of(), null, AccessLevel.PUBLIC));
        catalogue.publish(r.id());
        Path v2 = Files.writeString(tmp.resolve("habitat-v2.ttl"), version(base, true));

        open("/gestion/admin/thesaurus");
        driver.findElement(By.id("th-file")).sendKeys(v2.toAbsolutePath().toString());
        driver.findElement(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]")).click();
        waitFor(By.cssSelector("table.remap"));
        audit();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Habitat (essai navigateur), version 2");
        assertThat(driver.findElement(By.cssSelector(".diff-summary")).getText()).contains("1 concept(s) ajouté(s)")
                .contains("1 concept(s) déprécié(s)");
        WebElement row = driver.findElement(By.cssSelector("tr[data-concept='" + base + "/insalubre']"));
        assertThat(row.getText()).contains("habitat insalubre", "1 notice(s)", r.title());
        assertThat(row.findElement(By.cssSelector("a")).getAttribute("href")).endsWith("/records/" + r.id());
        assertThat(row.findElement(By.tagName("select")).getAttribute("value")).isEqualTo(base + "/indigne");
        Browser.screenshot(driver, "AdminBrowserTest-version-review");

        driver.findElement(By.cssSelector("form.apply-form button[type=submit]")).click();
        waitFor(By.cssSelector(".applied"));
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#index-progress.done")));
        audit();
        assertThat(driver.findElement(By.cssSelector(".applied")).getText()).contains("1 notice(s) remappée(s)")
                .contains("Index à jour.");
        Browser.screenshot(driver, "AdminBrowserTest-version-applied");
        assertThat(catalogue.get(r.id()).subjects()).containsExactly(base + "/indigne");
        open("/records/" + r.id());
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("habitat indigne")
                .doesNotContain("habitat insalubre");
    }

    @Test
    void theStatisticsChartsHoldTheReportApisFigures() {
        StatsActivity.create(catalogue, documentalist(), member(), memberId(MEMBER));
        open("/gestion/admin/statistiques");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> driver.executeScript(
                "return !!(window.Chart && Chart.getChart(document.getElementById('chart-members')));"));
        audit();
        int year = Integer.parseInt(driver.findElement(By.id("annee")).getAttribute("value"));
        JsonNode api = admin().get("/api/stats/report?year=" + year).json();

        JsonNode months = chart("chart-months");
        assertThat(months.get("labels")).hasSize(12);
        List<String> series = List.of("acquisitions", "loans", "requests", "downloads");
        for (int s = 0; s < series.size(); s++) {
            JsonNode byMonth = api.get(series.get(s)).get("byMonth");
            for (int m = 1; m <= 12; m++) {
                assertThat(months.get("datasets").get(s).get("data").get(m - 1).asLong())
                        .as(series.get(s) + " in month " + m).isEqualTo(byMonth.get(String.valueOf(m)).asLong());
            }
        }
        JsonNode themes = chart("chart-themes");
        assertThat(themes.get("labels")).hasSize(keys(api, "byTheme").size());
        JsonNode loansByTheme = api.get("loans").get("byTheme");
        assertThat(loansByTheme.size()).isPositive();
        List<String> themeKeys = axis("themes");
        for (int i = 0; i < themeKeys.size(); i++) {
            JsonNode expected = loansByTheme.get(themeKeys.get(i));
            assertThat(themes.get("datasets").get(1).get("data").get(i).asLong()).as("loans of " + themeKeys.get(i))
                    .isEqualTo(expected == null ? 0 : expected.asLong());
        }
        JsonNode members = chart("chart-members");
        List<String> categories = axis("members");
        assertThat(categories).contains("association");
        for (int i = 0; i < categories.size(); i++) {
            JsonNode expected = api.get("members").get("active").get(categories.get(i));
            assertThat(members.get("datasets").get(0).get("data").get(i).asLong()).as("active " + categories.get(i))
                    .isEqualTo(expected == null ? 0 : expected.asLong());
        }
        assertThat(driver.findElement(By.cssSelector("a.csv")).getAttribute("href"))
                .endsWith("/api/stats/report.csv?year=" + year);
    }

    /** The labels and datasets of a chart, as its Chart.js instance holds them. */
    private static JsonNode chart(String canvasId) {
        String data = (String) driver.executeScript("const c = Chart.getChart(document.getElementById(arguments[0]));"
                + "return JSON.stringify({labels: c.data.labels, datasets: c.data.datasets.map(d => ({label: d.label,"
                + " data: d.data}))});", canvasId);
        return JsonMapper.shared().readTree(data);
    }

    /** The keys of an axis in the charts' order, from the page's embedded axes. */
    private static List<String> axis(String name) {
        String axes = (String) driver.executeScript("return document.getElementById('stats-axes').textContent;");
        List<String> keys = new ArrayList<>();
        JsonMapper.shared().readTree(axes).get("axes").get(name).forEach(a -> keys.add(a.get("key").asString()));
        return keys;
    }

    private static java.util.Set<String> keys(JsonNode report, String axis) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String s : List.of("acquisitions", "loans", "requests", "downloads")) {
            report.get(s).get(axis).propertyNames().forEach(out::add);
        }
        return out;
    }
}
