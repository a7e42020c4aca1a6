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
import org.lakou.circulation.CirculationApi;
import org.lakou.members.Member;
import org.lakou.members.MemberCategory;
import org.lakou.members.NewMember;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The README's screenshot of the circulation desk (docs/screenshots/desk.png): a member selected
 * with their loans, the copy just lent, and an overdue loan in the list below. Not part of the
 * test suite (tag {@code screenshots}); run {@code docs/screenshots/refresh}.
 */
@Tag("screenshots")
class DeskScreenshotsTest extends IntegrationTestBase {

    static ChromeDriver driver;

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    CirculationApi circulation;

    @BeforeAll
    static void chromium() {
        Assumptions.assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
        driver = Browser.start();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1300));
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private Record add(String title, String type, String barcode, String shelf) {
        Record r = catalogue.create(new RecordFields(title, null, List.of("Centre de ressources Ville caraïbe"),
                "Ville caraïbe", "2021", type, "fr", null, List.of(), List.of(), "exemples", AccessLevel.PUBLIC));
        catalogue.publish(r.id());
        catalogue.addCopy(r.id(), new Copy(barcode, shelf, "Salle de lecture", null));
        return catalogue.get(r.id());
    }

    private Member member(String email, String name, MemberCategory category) {
        return memberApi.create(new NewMember(email, name, "Ville caraïbe", category, null, PASSWORD));
    }

    @Test
    void takeTheDeskScreenshot() throws IOException {
        add("Guide méthodologique de la médiation de nuit", "guide méthodologique", "LK000412", "362.5 GUI");
        add("Rénovation urbaine et relogement à Trinité", "rapport", "LK000388", "711 REN");
        add("La médiation sociale dans les quartiers prioritaires", "étude", "LK000507", "362.5 MED");
        Member late = member("l.roseau@ville-caraibe.test", "Léon Roseau", MemberCategory.ASSOCIATION);
        circulation.checkout("LK000388", late.id());
        clock.advance(Duration.ofDays(30));
        Member reader = member("j.larcher@ville-caraibe.test", "Josette Larcher", MemberCategory.COLLECTIVITE);
        circulation.checkout("LK000412", reader.id());
        Record held = add("Adultes-relais : bilan de la médiation sociale en Martinique", "rapport", "LK000233",
                "362.5 ADU");
        circulation.placeHold(held.id(), member("m.celeste@ville-caraibe.test", "Marie Céleste",
                MemberCategory.ETAT).id(), null);

        driver.get(baseUrl() + "/login");
        driver.findElement(By.id("username")).sendKeys(DOCUMENTALIST);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions
                .visibilityOfElementLocated(By.cssSelector("a[href='/compte']")));
        driver.get(baseUrl() + "/gestion/circulation");
        scan(reader.email(), "Josette Larcher");
        scan("LK000507", "Prêté");
        Path out = Path.of("docs", "screenshots");
        Files.createDirectories(out);
        Browser.screenshot(driver, "screenshot-desk");
        Files.copy(Path.of("target", "screenshots", "screenshot-desk.png"), out.resolve("desk.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private void scan(String code, String expected) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions
                .visibilityOfElementLocated(By.id("scan"))).sendKeys(code + Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions
                .textToBePresentInElementLocated(By.id("desk-result"), expected));
    }
}
