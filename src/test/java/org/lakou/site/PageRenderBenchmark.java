package org.lakou.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.search.SearchApi;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Server-side render time of the results page and the record page at 10,000 records, each
 * against its raw baseline in the same run: the JSON API call the page is built on
 * ({@code /api/search}, {@code /api/records/{id}}). Goal: page p95 at most 150 ms. Writes
 * bench/out/pages.md. {@code -Dbench.records} and {@code -Dbench.runs} shorten it.
 */
@Tag("bench")
class PageRenderBenchmark extends IntegrationTestBase {

    private static final String T = "https://w3id.org/lakou/thesaurus/thematique/";
    private static final List<String> SUBJECTS = List.of("mediation-sociale", "lien-social", "renovation-urbaine",
            "jeunesse", "emploi-et-insertion", "sante", "culture", "habitat-et-logement", "reussite-educative");
    private static final List<String> WORDS = List.of("médiation", "quartier", "jeunesse", "logement", "emploi",
            "santé", "culture", "rénovation", "éducation", "prévention", "habitants", "territoire");
    private static final int RECORDS = Integer.getInteger("bench.records", 10_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 200);
    private static final int WARMUP = 50;

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    SearchApi search;

    @Test
    void resultsAndRecordPagesRenderWithinBudget() throws Exception {
        List<Record> records = load();
        assertThat(search.awaitIndexed(Duration.ofMinutes(10))).isTrue();
        TestHttp http = anonymous();
        IntFunction<String> query = i -> "/recherche?q=" + Pages.enc(WORDS.get(i % WORDS.size()));
        IntFunction<String> apiQuery = i -> "/api/search?q=" + Pages.enc(WORDS.get(i % WORDS.size()));
        IntFunction<String> page = i -> "/records/" + records.get((i * 7919) % records.size()).id();
        IntFunction<String> api = i -> "/api/records/" + records.get((i * 7919) % records.size()).id();
        double[][] results = interleaved(http, query, apiQuery);
        double[][] recordPages = interleaved(http, page, api);

        StringBuilder md = new StringBuilder();
        md.append("Run ").append(Instant.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, load average ").append(String.format(Locale.ROOT, "%.1f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(", ").append(records.size()).append(" records, ").append(RUNS).append(" requests each after ")
                .append(WARMUP).append(" warm-up\n\n| request | p50 ms | p95 ms | baseline p50 | baseline p95 | ratio p95 |\n")
                .append("|---|---|---|---|---|---|\n");
        md.append(row("results page `/recherche?q=…` (20 hits, facets, subject tree) vs `/api/search`", results));
        md.append(row("record page `/records/{id}` vs `/api/records/{id}`", recordPages));
        boolean ok = pct(results[0], 95) <= 150 && pct(recordPages[0], 95) <= 150;
        md.append("\nVerdict: ").append(ok ? "PASS" : "FAIL").append(" (goal: page p95 ≤ 150 ms)\n");
        Path out = Path.of("bench/out/pages.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
    }

    private List<Record> load() {
        List<Record> all = new ArrayList<>();
        int batch = 1_000;
        for (int start = 0; start < RECORDS; start += batch) {
            List<RecordFields> fields = new ArrayList<>();
            for (int i = start; i < Math.min(RECORDS, start + batch); i++) {
                fields.add(new RecordFields("Étude n° " + i + " : " + WORDS.get(i % WORDS.size()) + " et "
                        + WORDS.get((i / 3) % WORDS.size()) + " dans les quartiers", null,
                        List.of("Auteur " + (i % 300)), "Centre de ressources", Integer.toString(1990 + i % 35),
                        i % 2 == 0 ? "rapport" : "étude", "fr",
                        "Résumé : " + String.join(" ", WORDS.subList(0, 1 + i % WORDS.size())) + " " + i,
                        List.of(T + SUBJECTS.get(i % SUBJECTS.size()), T + SUBJECTS.get((i / 5) % SUBJECTS.size())),
                        List.of(), "bench-pages", AccessLevel.PUBLIC));
            }
            all.addAll(catalogue.importRecords(fields, true));
        }
        return all;
    }

    /** Page and baseline alternate, so both see the same machine load. */
    private static double[][] interleaved(TestHttp http, IntFunction<String> page, IntFunction<String> baseline) {
        return PagePairs.interleaved(http, WARMUP, RUNS, page, baseline);
    }

    private static String row(String what, double[][] m) {
        return PagePairs.row(what, m);
    }

    static double pct(double[] values, int p) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }
}
