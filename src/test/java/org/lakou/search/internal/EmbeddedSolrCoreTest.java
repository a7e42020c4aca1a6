package org.lakou.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.core.SolrCore;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.RecordFields;
import org.lakou.search.SearchApi;
import org.springframework.beans.factory.annotation.Autowired;

/** What the embedded node leaves out because MongoDB and Lakou already do it. */
class EmbeddedSolrCoreTest extends IntegrationTestBase {

    @Autowired
    SolrConnection solr;

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    SearchApi search;

    /**
     * Batches are hard-committed before the outbox is acknowledged, so a transaction log would only
     * be a second copy of every full text on disk.
     */
    @Test
    void theCatalogueCoreKeepsNoTransactionLog() {
        catalogue.create(new RecordFields("Régie de quartier", null, List.of(), null, "2021", "rapport", "fr", null,
                List.of(), List.of(), "test-embedded-core", AccessLevel.PUBLIC));
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();

        try (SolrCore core = container().getCore(solr.collection())) {
            assertThat(core.getUpdateHandler().getUpdateLog()).isNull();
        }
        Path data = DATA_DIR.resolve("solr/catalogue/data");
        assertThat(data.resolve("index")).isDirectory();
        assertThat(Files.exists(data.resolve("tlog"))).as("catalogue tlog directory").isFalse();
        // the concepts core is not fed through the catalogue's outbox and keeps its log
        try (SolrCore concepts = container().getCore(solr.conceptsCollection())) {
            assertThat(concepts.getUpdateHandler().getUpdateLog()).isNotNull();
        }
    }

    /** Nothing reads the embedded node's metrics; collecting them cost JMX work at every commit. */
    @Test
    void solrMetricsAreOff() {
        assertThat(container().getConfig().getMetricsConfig().isEnabled()).isFalse();
    }

    private CoreContainer container() {
        return ((EmbeddedSolrServer) solr.client()).getCoreContainer();
    }
}
