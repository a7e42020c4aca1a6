package org.lakou.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.catalogue.TextStatus;
import org.lakou.search.SearchApi;
import org.lakou.search.SubjectSuggester;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Server-side render time of the cataloguing desk's pages at {@code bench.records} published
 * records plus {@code bench.drafts} drafts with text, each against its raw baseline in the same
 * run: the JSON API call the page is built on. Goal: page p95 at most 150 ms. Writes
 * bench/out/pages-catalogage.md; run by bench/pages.
 */
@Tag("bench")
class CataloguingPagesBenchmark extends IntegrationTestBase {

    private static final int RECORDS = Integer.getInteger("bench.records", 10_000);
    private static final int DRAFTS = Integer.getInteger("bench.drafts", 200);
    private static final int RUNS = Integer.getInteger("bench.runs", 200);
    private static final int WARMUP = 30;
    private static final String TEXT = """
            Des médiateurs interviennent dans quatre collèges pour apaiser le climat scolaire et lutter contre le \
            décrochage scolaire. Les relations parents-école se sont améliorées ; le dispositif adultes-relais \
            finance plusieurs postes. La rénovation urbaine du quartier a relogé deux cents ménages. """;

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    SearchApi search;
    @Autowired
    SubjectSuggester suggester;

    @Test
    void cataloguingPagesRenderWithinBudget() throws Exception {
        List<Record> published = load();
        List<Record> drafts = drafts();
        assertThat(search.awaitIndexed(Duration.ofMinutes(10))).isTrue();
        assertThat(suggester.awaitConceptsIndexed(Duration.ofSeconds(60))).isTrue();
        TestHttp http = anonymous().as(DOCUMENTALIST, PASSWORD);
        IntFunction<String> draft = i -> drafts.get((i * 31) % drafts.size()).id();
        IntFunction<String> record = i -> published.get((i * 7919) % published.size()).id();
        double[][] review = interleaved(http, i -> "/gestion/brouillons/" + draft.apply(i),
                i -> "/api/records/" + draft.apply(i) + "/subject-suggestions");
        double[][] editor = interleaved(http, i -> "/gestion/notices/" + record.apply(i),
                i -> "/api/records/" + record.apply(i));
        double[][] list = interleaved(http, i -> "/gestion/brouillons", i -> "/api/records?status=draft&size=200");
        double[][] upload = interleaved(http, i -> "/gestion/depot", i -> "/api/ingest/jobs?limit=1");

        StringBuilder md = new StringBuilder();
        md.append("Run ").append(Instant.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, load average ").append(String.format(Locale.ROOT, "%.1f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(", ").append(published.size()).append(" published records and ").append(drafts.size())
                .append(" drafts, ").append(RUNS).append(" requests each after ").append(WARMUP).append(" warm-up\n\n")
                .append("| request | p50 ms | p95 ms | baseline p50 | baseline p95 | ratio p95 |\n")
                .append("|---|---|---|---|---|---|\n");
        md.append(row("review screen `/gestion/brouillons/{id}` vs `/api/records/{id}/subject-suggestions`", review));
        md.append(row("record editor `/gestion/notices/{id}` (with audit history) vs `/api/records/{id}`", editor));
        md.append(row("drafts list `/gestion/brouillons` vs `/api/records?status=draft&size=200`", list));
        md.append(row("upload page `/gestion/depot` vs `/api/ingest/jobs?limit=1`", upload));
        boolean ok = PageRenderBenchmark.pct(review[0], 95) <= 150 && PageRenderBenchmark.pct(editor[0], 95) <= 150
                && PageRenderBenchmark.pct(list[0], 95) <= 150 && PageRenderBenchmark.pct(upload[0], 95) <= 150;
        md.append("\nVerdict: ").append(ok ? "PASS" : "FAIL").append(" (goal: page p95 ≤ 150 ms)\n");
        Path out = Path.of("bench/out/pages-catalogage.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
    }

    private List<Record> load() {
        List<Record> all = new ArrayList<>();
        for (int start = 0; start < RECORDS; start += 1_000) {
            List<RecordFields> fields = new ArrayList<>();
            for (int i = start; i < Math.min(RECORDS, start + 1_000); i++) {
                fields.add(fields("Étude n° " + i + " sur la médiation dans les quartiers", i));
            }
            all.addAll(catalogue.importRecords(fields, true));
        }
        return all;
    }

    private List<Record> drafts() {
        List<Record> out = new ArrayList<>();
        for (int i = 0; i < DRAFTS; i++) {
            String text = TEXT.repeat(20) + i;
            out.add(catalogue.createFromFile(fields("Brouillon n° " + i + " : la médiation scolaire", i),
                    new FileRef("bench" + i + "-" + System.nanoTime(), "d" + i + ".pdf", "application/pdf", 40_000, 3,
                            text.length(), false, TextStatus.EXTRACTED), text));
        }
        return out;
    }

    private static RecordFields fields(String title, int i) {
        return new RecordFields(title, null, List.of("Auteur " + (i % 300)), "Centre de ressources",
                Integer.toString(1990 + i % 35), i % 2 == 0 ? "rapport" : "étude", "fr", "Résumé " + i, List.of(),
                List.of(), "bench-catalogage", AccessLevel.PUBLIC);
    }

    /** Page and baseline alternate, so both see the same machine load. */
    private static double[][] interleaved(TestHttp http, IntFunction<String> page, IntFunction<String> baseline) {
        return PagePairs.interleaved(http, WARMUP, RUNS, page, baseline);
    }

    private static String row(String what, double[][] m) {
        return PagePairs.row(what, m);
    }
}
