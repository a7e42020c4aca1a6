package org.lakou.oai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.oai.harvest.HarvestRun;
import org.lakou.oai.harvest.HarvestSource;
import org.lakou.oai.harvest.HarvestSources;
import org.lakou.site.Pages;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The harvest sources' pages ({@code /gestion/admin/moissonnage}): add and edit read back through
 * {@link HarvestSources}, refused forms name their fields, "run now" starts a run in the
 * background whose entry the runs log then shows. The partner is this server's own {@code /oai},
 * asked for an empty set so the run is quick.
 */
class HarvestPagesTest extends IntegrationTestBase {

    private static final String BASE = "/gestion/admin/moissonnage";

    @Autowired
    HarvestSources sources;

    private Pages as(String email) {
        Pages p = new Pages(baseUrl());
        assertThat(p.login(email, PASSWORD).status()).isEqualTo(302);
        return p;
    }

    private Map<String, String> form(String name, String url, String set, String schedule) {
        Map<String, String> f = new HashMap<>(Map.of("name", name, "baseUrl", url, "metadataPrefix", "oai_dc",
                "set", set, "schedule", schedule));
        f.put("enabled", "true");
        return f;
    }

    private HarvestSource byName(String name) {
        return sources.list().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    @Test
    void onlyAdministratorsManageSources() {
        Pages doc = as(DOCUMENTALIST);
        String name = "Interdit " + UUID.randomUUID();
        assertThat(doc.get(BASE).status()).isEqualTo(403);
        assertThat(doc.post(BASE, form(name, "https://a.example/oai", "", ""), doc.get("/gestion")).status())
                .isEqualTo(403);
        assertThat(as(MEMBER).get(BASE).status()).isEqualTo(403);
        assertThat(byName(name)).isNull();
    }

    @Test
    void addEditAndRefuseAFaultyForm() {
        Pages admin = as(ADMIN);
        Pages.Page list = admin.get(BASE);
        assertThat(list.status()).isEqualTo(200);
        Pages.Page bad = admin.post(BASE, Map.of("name", "", "baseUrl", "ftp://x", "metadataPrefix", "marc",
                "set", "a set", "schedule", "tous les jours"), list);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"e-name\"", "id=\"e-url\"", "id=\"e-set\"", "id=\"e-schedule\"",
                "Choisissez oai_dc ou MODS").contains("value=\"tous les jours\"");
        String name = "Centre de Guyane " + UUID.randomUUID();
        Pages.Page created = admin.post(BASE, form(name, "https://doc.example-guyane.fr/oai", "", "0 0 3 * * *"), list);
        assertThat(created.status()).isEqualTo(302);
        HarvestSource s = byName(name);
        assertThat(s).isNotNull();
        assertThat(created.location()).endsWith(BASE + "/" + s.id());
        assertThat(s.schedule()).isEqualTo("0 0 3 * * *");
        assertThat(s.set()).isNull();
        assertThat(s.enabled()).isTrue();
        Pages.Page page = admin.get(BASE + "/" + s.id());
        assertThat(page.body()).contains("La source est ajoutée", "value=\"https://doc.example-guyane.fr/oai\"");
        Map<String, String> edit = new HashMap<>(Map.of("name", name, "baseUrl", "https://doc.example-guyane.fr/oai",
                "metadataPrefix", "mods", "set", "type:rapport", "schedule", "6h"));
        admin.post(BASE + "/" + s.id(), edit, page);
        HarvestSource after = sources.get(s.id());
        assertThat(after.metadataPrefix()).isEqualTo("mods");
        assertThat(after.set()).isEqualTo("type:rapport");
        assertThat(after.schedule()).isEqualTo("6h");
        assertThat(after.enabled()).as("an unticked box disables the source").isFalse();
        edit.put("schedule", "0 0");
        assertThat(admin.post(BASE + "/" + s.id(), edit, page).status()).isEqualTo(400);
        assertThat(sources.get(s.id()).schedule()).isEqualTo("6h");
        assertThat(admin.get(BASE).body()).contains(name);
        sources.delete(s.id());
    }

    @Test
    void runNowStartsARunThatTheLogShows() throws Exception {
        Pages admin = as(ADMIN);
        String name = "Nous-mêmes " + UUID.randomUUID();
        Pages.Page list = admin.get(BASE);
        admin.post(BASE, form(name, baseUrl() + "/oai", "type:aucun-" + UUID.randomUUID().toString().substring(0, 6),
                ""), list);
        HarvestSource s = byName(name);
        Pages.Page page = admin.get(BASE + "/" + s.id());
        assertThat(page.body()).contains("Aucune moisson pour l’instant");
        Pages.Page started = admin.post(BASE + "/" + s.id() + "/lancer", Map.of(), page);
        assertThat(started.location()).endsWith(BASE + "/" + s.id() + "#journal");
        Pages.Page watching = admin.get(BASE + "/" + s.id());
        assertThat(watching.body()).contains("La moisson est lancée", "hx-get=\"/gestion/admin/moissonnage/"
                + s.id() + "/journal?polls=1&amp;watch=true\"");
        List<HarvestRun> runs = List.of();
        for (int i = 0; i < 120 && (runs.isEmpty() || runs.get(0).status() == HarvestRun.Status.RUNNING); i++) {
            Thread.sleep(250);
            runs = sources.runs(s.id());
        }
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).trigger()).isEqualTo("manual");
        assertThat(runs.get(0).status()).isNotEqualTo(HarvestRun.Status.RUNNING);
        Pages.Page log = admin.get(BASE + "/" + s.id() + "/journal?polls=3");
        assertThat(log.body()).doesNotContain("<html").contains("id=\"harvest-runs\"", "à la demande")
                .doesNotContain("hx-get");
        assertThat(admin.get(BASE).body()).contains(name);
        sources.delete(s.id());
    }
}
