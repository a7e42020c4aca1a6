package org.lakou.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.search.SearchApi;
import org.lakou.search.SearchProperties;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reindex of several full batches goes through the pipelined drain: the next batch is read on the
 * prefetch thread while the current one is sent. Nothing may be lost or left stale by that overlap:
 * the emptied index is rebuilt whole, records edited while it runs end up at their latest version,
 * and the records that did not change keep their feed seq (their OAI datestamps).
 */
class ReindexPipelineTest extends IntegrationTestBase {

    @Autowired CatalogueApi catalogue;
    @Autowired SearchApi search;
    @Autowired SolrConnection solr;
    @Autowired SearchProperties props;

    @Test
    void aReindexOfManyBatchesRebuildsTheIndexWithTheEditsMadeWhileItRan() throws Exception {
        String coll = "test-" + UUID.randomUUID();
        int n = props.batchSize() * 3 + 17;
        List<RecordFields> fields = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fields.add(fields(coll, "Rapport d'activité " + i));
        }
        List<Record> made = catalogue.importRecords(fields, true);
        assertThat(search.awaitIndexed(Duration.ofSeconds(120))).isTrue();
        Map<String, Long> seqBefore = new HashMap<>();
        indexed(coll, n).forEach(d -> seqBefore.put((String) d.getFieldValue("id"),
                ((Number) d.getFieldValue(SolrIndexFeed.SEQ)).longValue()));
        assertThat(seqBefore).hasSize(n);

        search.clearIndex();
        assertThat(indexed(coll, n)).isEmpty();
        search.reindex();
        Map<String, String> edited = new HashMap<>();
        for (int i = 0; i < n; i += n / 9) {
            Record r = made.get(i);
            Record after = catalogue.update(r.id(), r.version(), fields(coll, "Modifié pendant la réindexation " + i));
            edited.put(after.id(), after.title());
        }
        assertThat(search.awaitIndexed(Duration.ofSeconds(180))).isTrue();

        List<SolrDocument> docs = indexed(coll, n);
        assertThat(docs).hasSize(n);
        for (SolrDocument d : docs) {
            String id = (String) d.getFieldValue("id");
            Record latest = catalogue.get(id);
            assertThat(((Number) d.getFieldValue("version")).longValue()).as(id).isEqualTo(latest.version());
            assertThat(d.getFieldValue("title")).as(id).isEqualTo(latest.title());
            if (!edited.containsKey(id)) {
                assertThat(((Number) d.getFieldValue(SolrIndexFeed.SEQ)).longValue()).as(id)
                        .isEqualTo(seqBefore.get(id));
            } else {
                assertThat(((Number) d.getFieldValue(SolrIndexFeed.SEQ)).longValue()).as(id)
                        .isGreaterThan(seqBefore.get(id));
            }
        }
        assertThat(edited.values()).allMatch(t -> t.startsWith("Modifié"));
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .contains("lakou-search-prefetch");
    }

    private List<SolrDocument> indexed(String coll, int n) throws Exception {
        return solr.client().query(solr.collection(), new SolrQuery("*:*").addFilterQuery("collection:\"" + coll + "\"")
                .setRows(n + 10).setFields("id", "version", "title", SolrIndexFeed.SEQ)).getResults();
    }

    private static RecordFields fields(String coll, String title) {
        return new RecordFields(title, null, List.of("Dupont, Anne"), null, "2021", "rapport", "fr",
                "Un résumé.", List.of(), List.of(), coll, AccessLevel.PUBLIC);
    }
}
