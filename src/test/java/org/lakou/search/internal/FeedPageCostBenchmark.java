package org.lakou.search.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.DocumentTypes;
import org.lakou.catalogue.RecordFields;
import org.lakou.search.IndexFeed;
import org.lakou.search.SearchApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a timed test: where one ListRecords page's time goes. Run it alone, like {@code bench/oai}:
 * {@code mvn -o -q test -Dlakou.test.excludedGroups=none -Dgroups=bench -Dtest=FeedPageCostBenchmark}
 * ({@code -Dbench.page.records=N}, {@code -Dbench.jfr=true} to record the HTTP walk in
 * {@code target/oai-page.jfr}). Walks the same bulk-indexed feed several ways, each a whole keyset
 * walk of 100-record pages: the HTTP page, the feed's page, the feed's page with the in-flight check
 * skipped, the MongoDB marker read alone, and a raw {@code _id} read of another collection as its
 * baseline. Writes {@code target/benchmarks-oai-page.md}.
 */
@Tag("bench")
@TestPropertySource(properties = "lakou.search.batch-size=1000")
class FeedPageCostBenchmark extends IntegrationTestBase {

    private static final Pattern TOKEN = Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>");
    private static final Map<String, Collection<String>> VISIBLE = Map.of("oai_state_s", List.of("exposed", "tombstone"));

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    SearchApi search;
    @Autowired
    SolrIndexFeed feed;
    @Autowired
    SolrConnection solr;
    @Autowired
    FeedSequencer sequencer;
    @Autowired
    FeedInFlight inFlight;
    @Autowired
    MongoTemplate mongo;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void whereAPageGoes() throws Exception {
        int total = Integer.getInteger("bench.page.records", 5_000);
        generate(total);
        assertThat(search.awaitIndexed(Duration.ofMinutes(10))).isTrue();
        SolrIndexFeed noCheck = new SolrIndexFeed(solr, sequencer, new NoOthers());
        long until = clock.millis() + 1;
        for (int round = 0; round < 2; round++) { // the first round warms up
            StringBuilder out = new StringBuilder("| step | pages | median ms | mean ms |\n|---|---|---|---|\n");
            jdk.jfr.Recording jfr = round == 1 && Boolean.getBoolean("bench.jfr") ? profile() : null;
            row(out, "HTTP ListRecords page (client side)", httpWalk());
            if (jfr != null) {
                jfr.dump(Path.of("target", "oai-page.jfr"));
                jfr.close();
            }
            row(out, "feed page, in-flight check included", feedWalk(feed, until));
            row(out, "feed page, in-flight check skipped", feedWalk(noCheck, until));
            List<Integer> ties = new ArrayList<>();
            row(out, "previous page shape: tie query + {!terms} clause (same run)", tieShapeWalk(until, ties));
            out.append(String.format("| ids left in the cursor's millisecond, per page (previous shape) | %d | %d | %.0f |%n",
                    ties.size(), ties.stream().sorted().toList().get(ties.size() / 2),
                    ties.stream().mapToInt(i -> i).average().orElse(0)));
            row(out, "in-flight marker read alone (Mongo _id)", repeat(200, () -> inFlight.othersBelow(until) ? 1 : 0));
            row(out, "raw Mongo _id read of another document", repeat(200,
                    () -> mongo.findById("none", org.bson.Document.class, "oai_settings") == null ? 0 : 1));
            row(out, "in-memory commit check alone", repeat(200,
                    () -> sequencer.awaitCommittedBelow(until, Duration.ofSeconds(1)) ? 1 : 0));
            if (round == 1) {
                Files.writeString(Path.of("target", "benchmarks-oai-page.md"), out);
                System.out.println(out);
            }
        }
    }

    private List<Long> httpWalk() throws Exception {
        List<Long> times = new ArrayList<>();
        String body = get("verb=ListRecords&metadataPrefix=oai_dc", times);
        for (Matcher m = TOKEN.matcher(body); m.find(); m = TOKEN.matcher(body)) {
            body = get("verb=ListRecords&resumptionToken=" + m.group(1), times);
        }
        return times;
    }

    private static jdk.jfr.Recording profile() throws Exception {
        jdk.jfr.Recording r = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        r.start();
        return r;
    }

    /**
     * The page as it was before Solr's cursor: a query for the ids left in the cursor's millisecond,
     * then the page query with those ids as a {@code {!terms}} clause. Same filters, same order.
     */
    private List<Long> tieShapeWalk(long until, List<Integer> tieCounts) throws Exception {
        List<Long> times = new ArrayList<>();
        long after = -1;
        String afterId = null;
        while (true) {
            long s = System.nanoTime();
            List<String> ties = new ArrayList<>();
            if (afterId != null) {
                SolrQuery tq = visible().addFilterQuery("{!cache=false}oai_seq:" + after).setSort("id", SolrQuery.ORDER.asc)
                        .setRows(10_000).setFields("id");
                for (SolrDocument d : solr.client().query(solr.collection(), tq).getResults()) {
                    if (((String) d.getFieldValue("id")).compareTo(afterId) > 0) {
                        ties.add((String) d.getFieldValue("id"));
                    }
                }
            }
            String range = "oai_seq:{" + after + " TO " + until + "}";
            SolrQuery pq = visible().addFilterQuery("{!cache=false}" + (ties.isEmpty() ? range
                    : range + " OR _query_:\"{!terms f=id}" + String.join(",", ties) + "\""))
                    .setSort("oai_seq", SolrQuery.ORDER.asc).addSort("id", SolrQuery.ORDER.asc).setRows(100)
                    .setFields("id", "oai_seq", "deleted", "oai_state_s", "oai_sets_ss", "oai_dc_xml");
            SolrDocumentList page = solr.client().query(solr.collection(), pq).getResults();
            times.add(System.nanoTime() - s);
            tieCounts.add(ties.size());
            if (page.isEmpty()) {
                return times;
            }
            SolrDocument last = page.get(page.size() - 1);
            after = ((Number) last.getFieldValue("oai_seq")).longValue();
            afterId = (String) last.getFieldValue("id");
        }
    }

    private static SolrQuery visible() {
        return new SolrQuery("*:*").addFilterQuery("oai_seq:[* TO *]").addFilterQuery("oai_state_s:exposed OR oai_state_s:tombstone");
    }

    private List<Long> feedWalk(SolrIndexFeed f, long until) {
        List<Long> times = new ArrayList<>();
        long after = -1;
        String afterId = null;
        while (true) {
            long s = System.nanoTime();
            IndexFeed.FeedPage page = f.page(new IndexFeed.FeedQuery(after, afterId, until, VISIBLE, 100,
                    List.of("oai_state_s", "oai_sets_ss", "oai_dc_xml")));
            times.add(System.nanoTime() - s);
            if (page.documents().isEmpty()) {
                return times;
            }
            IndexFeed.FeedDocument last = page.documents().get(page.documents().size() - 1);
            after = last.seq();
            afterId = last.id();
        }
    }

    private static List<Long> repeat(int n, LongSupplier step) {
        List<Long> times = new ArrayList<>();
        long sink = 0;
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            sink += step.getAsLong();
            times.add(System.nanoTime() - s);
        }
        assertThat(sink).isGreaterThanOrEqualTo(0);
        return times;
    }

    private static void row(StringBuilder out, String step, List<Long> times) {
        List<Long> sorted = times.stream().sorted().toList();
        double mean = times.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        out.append(String.format("| %s | %d | %.2f | %.2f |%n", step, times.size(), sorted.get(sorted.size() / 2) / 1e6,
                mean));
    }

    private String get(String query, List<Long> times) throws Exception {
        long s = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oai?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        times.add(System.nanoTime() - s);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private void generate(int total) {
        List<RecordFields> batch = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            String title = "Diagnostic de la rénovation urbaine à Fort-de-France (n° " + i + ")";
            batch.add(new RecordFields(title, null, List.of("Sylvie Césaire", "Ville caraïbe"),
                    "Centre de ressources politique de la ville de Martinique", "2019-0" + (1 + i % 9),
                    DocumentTypes.KNOWN.get(i % (DocumentTypes.KNOWN.size() - 1)), "fr",
                    "Ce document présente " + title.toLowerCase() + ", à partir des ateliers menés avec les habitants.",
                    List.of(), List.of(), "Fonds documentaire " + (1 + i % 5), null));
            if (batch.size() == 1000) {
                catalogue.importRecords(batch, true);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            catalogue.importRecords(batch, true);
        }
    }

    /** The feed's page without the MongoDB read: as if no other node could be indexing. */
    private final class NoOthers extends FeedInFlight {
        NoOthers() {
            super(mongo, clock);
        }

        @Override
        boolean othersBelow(long untilSeq) {
            return false;
        }
    }
}
