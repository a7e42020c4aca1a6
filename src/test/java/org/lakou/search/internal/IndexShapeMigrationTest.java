package org.lakou.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.search.SearchApi;
import org.lakou.search.SearchQuery;
import org.lakou.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A document written before the spell field and the first-publication date has neither: the
 * record escapes publishedAfter and the spell checker. The migration re-indexes every record while
 * such a document exists, which brings both back.
 */
class IndexShapeMigrationTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    SearchApi search;
    @Autowired
    SolrConnection solr;
    @Autowired
    IndexShapeMigration migration;

    @Test
    void anOlderDocumentShapeIsRebuilt() throws Exception {
        String coll = "shape-" + UUID.randomUUID();
        Instant start = Instant.now().minusSeconds(5);
        Record r = catalogue.publish(catalogue.create(new RecordFields("Les herbiers lagunaires", null, List.of(),
                null, "2004", "rapport", "fr", null, List.of(), List.of(), coll, AccessLevel.PUBLIC)).id());
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();

        // the document as the previous Lakou wrote it: no doc_rev, no published (copy fields are index-time)
        SolrInputDocument old = new SolrInputDocument();
        old.setField("id", r.id());
        old.setField("deleted", false);
        old.setField("status", "published");
        old.setField("accessLevel", "public");
        old.setField("collection", coll);
        old.setField("title", "Les herbiers lagunaires");
        solr.client().add(solr.collection(), old);
        solr.client().commit(solr.collection());

        SearchQuery recent = SearchQuery.of(null).withCollection(coll).withPublishedAfter(start);
        assertThat(search.search(recent, Viewer.ANONYMOUS).hits()).as("the old shape has no publication date").isEmpty();
        assertThat(count(IndexShapeMigration.staleQuery())).isPositive();

        migration.migrate();
        assertThat(search.awaitIndexed(Duration.ofSeconds(120))).isTrue();

        assertThat(count(IndexShapeMigration.staleQuery())).isZero();
        assertThat(search.search(recent, Viewer.ANONYMOUS).hits()).extracting(h -> h.id()).containsExactly(r.id());
    }

    private long count(String q) throws Exception {
        return solr.client().query(solr.collection(), new SolrQuery(q).setRows(0)).getResults().getNumFound();
    }
}
