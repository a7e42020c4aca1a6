package org.lakou.stats.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.site.Pages;
import org.lakou.stats.StatsActivity;
import org.lakou.stats.internal.StatsProperties;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statistics dashboard: ADMIN only; the report it embeds for its charts is the report API's,
 * figure for figure; its data tables, year chooser and CSV link follow the year asked for.
 */
class StatsPagesTest extends IntegrationTestBase {

    static final String PAGE = "/gestion/admin/statistiques";
    static final Pattern DATA = Pattern.compile("<script type=\"application/json\" id=\"stats-data\">(.*?)</script>",
            Pattern.DOTALL);

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    StatsProperties properties;

    private Pages as(String email) {
        Pages p = new Pages(baseUrl());
        assertThat(p.login(email, PASSWORD).status()).isEqualTo(302);
        return p;
    }

    private int thisYear() {
        return clock.instant().atZone(properties.zone()).getYear();
    }

    static JsonNode embedded(String body) {
        Matcher m = DATA.matcher(body);
        assertThat(m.find()).as("the page embeds the report").isTrue();
        return JsonMapper.shared().readTree(m.group(1));
    }

    @Test
    void onlyAdministratorsSeeTheDashboard() {
        assertThat(as(MEMBER).get(PAGE).status()).isEqualTo(403);
        assertThat(as(DOCUMENTALIST).get(PAGE).status()).isEqualTo(403);
        assertThat(new Pages(baseUrl()).get(PAGE).location()).endsWith("/login");
        assertThat(as(ADMIN).get(PAGE).status()).isEqualTo(200);
    }

    @Test
    void theChartsDataIsTheReportApisFigureForFigure() {
        StatsActivity.create(catalogue, documentalist(), member(), memberId(MEMBER));
        int year = thisYear();
        Pages.Page page = as(ADMIN).get(PAGE);
        JsonNode api = admin().get("/api/stats/report?year=" + year).json();
        JsonNode shown = embedded(page.body());
        assertThat(shown).isEqualTo(api);
        assertThat(shown.get("loans").get("total").asLong()).isPositive();
        assertThat(shown.get("loans").get("byTheme").has(StatsActivity.MEDIATION)
                || shown.get("loans").get("byTheme").size() > 0).isTrue();
        assertThat(page.body()).contains("Statistiques " + year, "id=\"chart-months\"", "id=\"chart-themes\"",
                "id=\"chart-categories\"", "id=\"chart-members\"", "/webjars/chart.js/", "/dist/chart.umd.min.js",
                "href=\"/api/stats/report.csv?year=" + year + "\"", "<option value=\"" + year + "\" selected",
                "data-key=\"12\"", "Association");
        // the loans cell of the association row in the category table is the API's figure
        long associationLoans = api.get("loans").get("byCategory").get("association").asLong();
        assertThat(page.body()).containsPattern("data-key=\"association\">\\s*<th scope=\"row\">Association</th>\\s*"
                + "<td>" + associationLoans + "</td>");
    }

    @Test
    void theYearChooserAndTheLanguageFollowTheRequest() {
        Pages admin = as(ADMIN);
        Pages.Page past = admin.get(PAGE + "?annee=2019");
        assertThat(past.status()).isEqualTo(200);
        assertThat(embedded(past.body()).get("year").asInt()).isEqualTo(2019);
        assertThat(past.body()).contains("Statistiques 2019", "<option value=\"2019\" selected",
                "href=\"/api/stats/report.csv?year=2019\"");
        assertThat(admin.get(PAGE + "?annee=1999").status()).isEqualTo(400);
        assertThat(admin.get(PAGE + "?annee=deux-mille").status()).isEqualTo(400);
        assertThat(admin.get(PAGE + "?lang=en").body()).contains("Statistics " + thisYear(), "Activity by month",
                "Chart data", "January");
        assertThat(admin.get("/api/stats/report.csv?year=2019").status()).isEqualTo(200);
    }
}
