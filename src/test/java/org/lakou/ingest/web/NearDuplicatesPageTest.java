package org.lakou.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.duplicates.FrenchReports;
import org.lakou.site.Pages;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The review screen and the record editor show the near-duplicates of a record (title linked to
 * the record, resemblance as a percentage), and nothing when there are none. Texts of their own
 * (seeds no other test uses), so the shared context's other records cannot match.
 */
class NearDuplicatesPageTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;

    private Pages desk() {
        Pages p = new Pages(baseUrl());
        assertThat(p.login(DOCUMENTALIST, PASSWORD).status()).isEqualTo(302);
        return p;
    }

    @Test
    void aDraftWithANearDuplicateShowsItLinkedWithItsResemblance() {
        String text = FrenchReports.report(9101, 1).get(0);
        Record first = catalogue.create(fields("Bilan du contrat de ville", text));
        Record copy = catalogue.create(fields("Bilan du contrat de ville (copie)", text));

        String review = desk().get("/gestion/brouillons/" + copy.id() + "?lang=fr").body();

        assertThat(review).contains("Documents presque identiques",
                "<a href=\"/gestion/notices/" + first.id() + "\">Bilan du contrat de ville</a>");
        assertThat(review).containsPattern("<span class=\"similarity\">(9\\d|100) % de ressemblance</span>");
        // the older record's editor shows the newer one, in English too
        String editor = desk().get("/gestion/notices/" + first.id() + "?lang=en").body();
        assertThat(editor).contains("Near-duplicate documents",
                "<a href=\"/gestion/notices/" + copy.id() + "\">Bilan du contrat de ville (copie)</a>");
        assertThat(editor).containsPattern("<span class=\"similarity\">(9\\d|100)% similar</span>");
    }

    @Test
    void aDraftWithoutNearDuplicatesShowsNothing() {
        Record alone = catalogue.create(fields("Rapport sans double", FrenchReports.report(9201, 1).get(0)));
        Record other = catalogue.create(fields("Autre rapport", FrenchReports.report(9202, 1).get(0)));

        Pages doc = desk();
        for (Record r : List.of(alone, other)) {
            String page = doc.get("/gestion/brouillons/" + r.id() + "?lang=fr").body();
            assertThat(page).contains(r.title(), "Sujets suggérés").doesNotContain("near-duplicates",
                    "Documents presque identiques", "de ressemblance");
        }
    }

    private static RecordFields fields(String title, String summary) {
        return new RecordFields(title, null, List.of(), null, "2019", "rapport", "fr", summary, List.of(),
                List.of(), null, null);
    }
}
