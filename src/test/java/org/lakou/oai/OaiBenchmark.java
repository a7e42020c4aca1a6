package org.lakou.oai;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.DocumentTypes;
import org.lakou.catalogue.RecordFields;
import org.lakou.search.SearchApi;
import org.lakou.thesaurus.Concept;
import org.lakou.thesaurus.ThesaurusApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a timed test: {@code bench/oai}. Generates records with French metadata and thesaurus
 * subjects, indexes them through the outbox, then harvests everything with ListRecords over HTTP,
 * at 25,000 and at 100,000 records in the same run, next to a raw MongoDB scan of the same records.
 * Writes {@code target/benchmarks-oai.md}.
 */
@Tag("bench")
@TestPropertySource(properties = "lakou.search.batch-size=1000")
class OaiBenchmark extends IntegrationTestBase {

    private static final Pattern RECORD = Pattern.compile("<record>");
    private static final Pattern TOKEN = Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>");

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    SearchApi search;
    @Autowired
    ThesaurusApi thesaurus;
    @Autowired
    MongoTemplate mongo;

    private final HttpClient http = HttpClient.newHttpClient();
    private final StringBuilder report = new StringBuilder();

    @Test
    void harvestAtTwoSizes() throws Exception {
        int small = Integer.getInteger("bench.small", 25_000);
        int large = Integer.getInteger("bench.large", 100_000);
        List<String> subjects = thesaurus.allConcepts().stream().filter(c -> !c.local())
                .map(Concept::uri).filter(u -> u.contains("/thematique/")).toList();
        List<String> territories = thesaurus.allConcepts().stream().map(Concept::uri)
                .filter(u -> u.contains("/territoires/")).toList();
        report.append("| records | generate+publish | index | harvest | records/s | first page ms | last page ms | last/first"
                + " | median page ms | peak heap MB | live heap MB | raw Mongo scan |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        Generator gen = new Generator(subjects, territories);
        gen.generateUpTo(2_000);
        warmUp();
        run(gen, small);
        run(gen, large);
        Path out = Path.of("target", "benchmarks-oai.md");
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    private void run(Generator gen, int total) throws Exception {
        long t0 = System.nanoTime();
        gen.generateUpTo(total);
        long t1 = System.nanoTime();
        // poll gently: counting a 100k-entry outbox on the embedded Mongo is itself a scan
        while (search.indexStatus().queueSize() > 0) {
            Thread.sleep(5_000);
        }
        assertThat(search.awaitIndexed(Duration.ofMinutes(30))).isTrue();
        // no wait: every record is harvestable the moment it is indexed (datestamps never pass the clock)
        long t2 = System.nanoTime();
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        List<Long> pages = new ArrayList<>();
        int records = 0;
        long h0 = System.nanoTime();
        String body = get("verb=ListRecords&metadataPrefix=oai_dc", pages);
        long live = 0;
        while (true) {
            records += count(body);
            live = Math.max(live, liveHeap(heap));
            Matcher m = TOKEN.matcher(body);
            if (!m.find()) {
                break;
            }
            body = get("verb=ListRecords&resumptionToken=" + m.group(1), pages);
        }
        long h1 = System.nanoTime();
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        live = Math.max(live, liveHeap(heap));
        long m0 = System.nanoTime();
        long scanned = 0;
        for (Document d : mongo.getCollection("records").find().batchSize(1000)) {
            scanned += d.size() > 0 ? 1 : 0;
        }
        long m1 = System.nanoTime();
        assertThat(records).isGreaterThanOrEqualTo(total);
        double secs = (h1 - h0) / 1e9;
        List<Long> sorted = pages.stream().sorted().toList();
        double first = pages.get(0) / 1e6;
        double last = pages.get(pages.size() - 1) / 1e6;
        report.append(String.format("| %,d | %.1f s | %.1f s | %.1f s | %,.0f | %.1f | %.1f | %.2f | %.1f | %d | %d | %,d in %.1f s (%,.0f/s) |%n",
                records, (t1 - t0) / 1e9, (t2 - t1) / 1e9, secs, records / secs, first, last, last / first,
                sorted.get(sorted.size() / 2) / 1e6, peak / (1024 * 1024), live / (1024 * 1024), scanned, (m1 - m0) / 1e9,
                scanned / ((m1 - m0) / 1e9)));
        System.out.println(report);
    }

    /** Twenty pages first, so the 25k figures are not a cold JVM's (JIT, Solr caches). */
    private void warmUp() throws Exception {
        assertThat(search.awaitIndexed(Duration.ofMinutes(5))).isTrue();
        String body = get("verb=ListRecords&metadataPrefix=oai_dc", new ArrayList<>());
        for (int i = 0; i < 20; i++) {
            Matcher m = TOKEN.matcher(body);
            if (!m.find()) {
                break;
            }
            body = get("verb=ListRecords&resumptionToken=" + m.group(1), new ArrayList<>());
        }
    }

    /** What the last collection left in the heap: the live set, which must not grow with the list. */
    private static long liveHeap(List<MemoryPoolMXBean> heap) {
        return heap.stream().map(MemoryPoolMXBean::getCollectionUsage).filter(java.util.Objects::nonNull)
                .mapToLong(java.lang.management.MemoryUsage::getUsed).sum();
    }

    private String get(String query, List<Long> pages) throws Exception {
        long s = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oai?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        pages.add(System.nanoTime() - s);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static int count(String body) {
        Matcher m = RECORD.matcher(body);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Records in the style of a Martinique urban-policy resource centre's catalogue. */
    private final class Generator {
        private static final String[] KINDS = {"Diagnostic", "Évaluation", "Guide méthodologique", "Actes des rencontres",
            "Étude", "Bilan", "Fiche d'expérience", "Dossier", "Synthèse", "Rapport d'activité"};
        private static final String[] TOPICS = {"de la politique de la ville", "du contrat de ville",
            "de la rénovation urbaine", "de la réussite éducative", "de la médiation sociale",
            "de l'insertion des jeunes", "du conseil citoyen", "de la gestion urbaine de proximité",
            "de la prévention de la délinquance", "de l'habitat indigne"};
        private static final String[] PLACES = {"Fort-de-France", "Le Lamentin", "Schœlcher", "Sainte-Marie",
            "Le Robert", "Le François", "La Trinité", "Rivière-Pilote", "Ducos", "Saint-Pierre"};
        private static final String[] FIRST = {"Marie-Josée", "Jean-Claude", "Sylvie", "Patrick", "Nadia", "Rodrigue",
            "Christiane", "Frantz", "Josiane", "Serge"};
        private static final String[] LAST = {"Théodore", "Joseph-Angélique", "Bellerose", "Nicolas", "Marie-Sainte",
            "Lordinot", "Césaire", "Pierre-Louis", "Rosier", "Alexandre"};
        private final Random random = new Random(972);
        private final List<String> subjects;
        private final List<String> territories;
        private int made;

        Generator(List<String> subjects, List<String> territories) {
            this.subjects = subjects;
            this.territories = territories;
        }

        void generateUpTo(int total) {
            List<RecordFields> batch = new ArrayList<>();
            for (; made < total; made++) {
                String place = PLACES[random.nextInt(PLACES.length)];
                String title = KINDS[random.nextInt(KINDS.length)] + " " + TOPICS[random.nextInt(TOPICS.length)]
                        + " à " + place + " (n° " + made + ")";
                int year = 1995 + random.nextInt(30);
                RecordFields f = new RecordFields(title, null,
                        List.of(FIRST[random.nextInt(10)] + " " + LAST[random.nextInt(10)], "Ville caraïbe"),
                        "Centre de ressources politique de la ville de Martinique", year + "-0" + (1 + random.nextInt(9)),
                        DocumentTypes.KNOWN.get(random.nextInt(DocumentTypes.KNOWN.size() - 1)), "fr",
                        "Ce document présente " + title.toLowerCase() + ", à partir des ateliers menés avec les habitants,"
                                + " les associations et les bailleurs sociaux du quartier, et propose des pistes d'action"
                                + " pour les partenaires du contrat de ville.",
                        List.of(subjects.get(random.nextInt(subjects.size())), subjects.get(random.nextInt(subjects.size()))),
                        List.of(territories.get(random.nextInt(territories.size()))),
                        "Fonds documentaire " + (1 + random.nextInt(5)), null);
                batch.add(f);
                if (batch.size() == 1000) {
                    catalogue.importRecords(batch, true);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                catalogue.importRecords(batch, true);
            }
        }
    }
}
