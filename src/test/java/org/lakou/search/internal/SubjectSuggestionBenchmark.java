package org.lakou.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.GenericSolrRequest;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.search.GoldSet;
import org.lakou.search.SubjectSuggester;
import org.lakou.search.SubjectSuggestion;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not a timed test: measures and reports (bench/suggest runs it). Suggestion time for a 100-page
 * text (~300,000 characters of French built from the gold set's paragraphs), warm, against the
 * raw Tagger request on the same (capped) text sent through SolrJ in the same run; then
 * precision@5 and recall@5 on the gold set. Writes bench/out/suggest.md.
 */
@Tag("bench")
class SubjectSuggestionBenchmark extends IntegrationTestBase {

    private static final int TARGET_CHARS = 300_000;
    private static final int WARMUP = 5;
    private static final int RUNS = 40;

    @Autowired
    SubjectSuggester suggester;
    @Autowired
    SolrConnection solr;

    @Test
    void suggestionTimeAndQuality() throws Exception {
        assertThat(suggester.awaitConceptsIndexed(Duration.ofSeconds(120))).isTrue();
        List<GoldSet.Doc> gold = GoldSet.load();
        String text = hundredPages(gold);
        String capped = SubjectSuggestionService.cap(text);
        String title = "Rapport d'activité 2010 du centre de ressources politique de la ville";

        for (int i = 0; i < WARMUP; i++) {
            suggester.suggest(title, text, 10);
            rawTag(capped);
        }
        double[] suggest = new double[RUNS];
        double[] raw = new double[RUNS];
        List<SubjectSuggestion> last = null;
        int tags = 0;
        for (int i = 0; i < RUNS; i++) {
            // interleaved, so both see the same machine load
            long t = System.nanoTime();
            last = suggester.suggest(title, text, 10);
            suggest[i] = ms(t);
            t = System.nanoTime();
            tags = rawTag(capped);
            raw[i] = ms(t);
        }
        GoldSet.Scores q = GoldSet.score(gold, suggester, 5);

        StringBuilder md = new StringBuilder();
        md.append("Run ").append(Instant.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, load average ").append(String.format(Locale.ROOT, "%.1f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())).append("\n\n");
        md.append("| measure | p50 | p99 | mean |\n|---|---|---|---|\n");
        md.append(row("`SubjectSuggester.suggest` on a 100-page text (" + text.length() + " chars, first "
                + capped.length() + " read), warm", suggest));
        md.append(row("raw Tagger `/tag` request via SolrJ on the same " + capped.length() + " chars", raw));
        md.append("\nRatio suggest / raw Tagger (p50): ").append(String.format(Locale.ROOT, "%.2f",
                pct(suggest, 50) / pct(raw, 50))).append("; mentions tagged per request: ").append(tags)
                .append("; runs: ").append(RUNS).append(" after ").append(WARMUP).append(" warm-up.\n\n");
        md.append("Top suggestions for the long text: ").append(last.stream()
                .map(s -> s.label() + " (" + s.mentions() + ")").toList()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Gold set (%d documents): **precision@5 %.3f, recall@5 %.3f**%n%n",
                gold.size(), q.precision(), q.recall()));
        q.perDocument().forEach(l -> md.append("- ").append(l).append('\n'));
        Path out = Path.of("bench/out/suggest.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
    }

    /** ~100 pages: the gold set's paragraphs in a varying order, until {@link #TARGET_CHARS}. */
    static String hundredPages(List<GoldSet.Doc> gold) {
        StringBuilder sb = new StringBuilder(TARGET_CHARS + 2_000);
        int round = 0;
        while (sb.length() < TARGET_CHARS) {
            for (int i = 0; i < gold.size() && sb.length() < TARGET_CHARS; i++) {
                GoldSet.Doc d = gold.get((i * 7 + round) % gold.size());
                sb.append(d.title()).append("\n\n").append(d.text()).append("\n\n");
            }
            round++;
        }
        return sb.toString();
    }

    private int rawTag(String text) throws Exception {
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.add("fq", "local:true OR scheme:\"https://w3id.org/lakou/thesaurus/thematique\" OR "
                + "scheme:\"https://w3id.org/lakou/thesaurus/territoires\"");
        GenericSolrRequest req = new GenericSolrRequest(SolrRequest.METHOD.POST, "/tag", params)
                .setRequiresCollection(true)
                .withContent(text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8");
        NamedList<Object> rsp = solr.client().request(req, solr.conceptsCollection());
        return ((Number) rsp.get("tagsCount")).intValue();
    }

    private static String row(String what, double[] v) {
        return String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms |%n", what, pct(v, 50), pct(v, 99),
                Arrays.stream(v).average().orElse(0));
    }

    private static double pct(double[] v, int p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
