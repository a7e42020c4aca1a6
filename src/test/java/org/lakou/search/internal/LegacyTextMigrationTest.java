package org.lakou.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.catalogue.TextStatus;
import org.lakou.search.SearchApi;
import org.lakou.search.SearchQuery;
import org.lakou.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An index written before the text was split by access level holds it in the legacy
 * {@code fulltext} field: no query reads it, and the migration re-indexes every record until no
 * document carries it any more.
 */
class LegacyTextMigrationTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    SearchApi search;

    @Autowired
    SolrConnection solr;

    @Autowired
    IndexShapeMigration migration;

    @Test
    void anOldIndexIsRebuiltIntoTheFieldsOfEachAccessLevel() throws Exception {
        String coll = "legacy-" + UUID.randomUUID();
        String word = "palimpseste";
        FileRef file = new FileRef("sha256-legacy-" + coll, "vieux.pdf", "application/pdf", 10, 1, 30, false,
                TextStatus.EXTRACTED);
        Record r = catalogue.createFromFile(new RecordFields("Ancien index", null, List.of(), null, "2001", "rapport",
                "fr", null, List.of(), List.of(), coll, AccessLevel.MEMBERS), file, "Le " + word + " des adhérents");
        catalogue.publish(r.id());
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();

        // the document as an older Lakou wrote it: one field for every level's text
        SolrInputDocument old = new SolrInputDocument();
        old.setField("id", r.id());
        old.setField("deleted", false);
        old.setField("status", "published");
        old.setField("accessLevel", "members");
        old.setField("collection", coll);
        old.setField("title", "Ancien index");
        old.setField(IndexShapeMigration.LEGACY_FIELD, "Le " + word + " des adhérents");
        solr.client().add(solr.collection(), old);
        solr.client().commit(solr.collection());

        Viewer member = new Viewer("m", Viewer.Level.MEMBER);
        SearchQuery byWord = SearchQuery.of(word).withCollection(coll);
        assertThat(search.search(byWord, Viewer.ANONYMOUS).hits()).as("the legacy field is never searched").isEmpty();
        assertThat(search.search(byWord, member).hits()).isEmpty();

        migration.migrate();
        assertThat(search.awaitIndexed(Duration.ofSeconds(120))).isTrue();

        assertThat(solr.client().query(solr.collection(), new SolrQuery(IndexShapeMigration.LEGACY_FIELD + ":[* TO *]")
                .setRows(0)).getResults().getNumFound()).isZero();
        assertThat(search.search(byWord, member).hits()).extracting(h -> h.id()).containsExactly(r.id());
        assertThat(search.search(byWord, Viewer.ANONYMOUS).hits()).isEmpty();
    }
}
