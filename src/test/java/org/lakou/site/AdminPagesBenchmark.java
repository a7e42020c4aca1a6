package org.lakou.site;


import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.RecordFields;
import org.lakou.thesaurus.FixtureScheme;
import org.lakou.thesaurus.ThesaurusApi;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Server-side time of two administration pages at 10,000 records, each against the JSON API call
 * it is built on, interleaved in the same run: the statistics dashboard vs {@code /api/stats/report},
 * and a thesaurus version's review page vs {@code /api/thesaurus/schemes/{id}/diff} (the page also
 * finds the records of each retired concept). Goal: page p95 at most 150 ms. Writes
 * bench/out/admin-pages.md; {@code -Dbench.records} and {@code -Dbench.runs} shorten it.
 */
@Tag("bench")
class AdminPagesBenchmark extends IntegrationTestBase {

    private static final String T = "https://w3id.org/lakou/thesaurus/thematique/";
    private static final int RECORDS = Integer.getInteger("bench.records", 10_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 100);
    private static final int WARMUP = 10;

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    ThesaurusApi thesaurus;

    @Test
    void dashboardAndVersionReviewRenderWithinBudget() throws Exception {
        String base = "https://example.org/bench-" + System.nanoTime();
        thesaurus.importScheme(FixtureScheme.v1(base).getBytes(StandardCharsets.UTF_8), "v1.ttl", "text/turtle", "b");
        load(base + "/");
        String id = thesaurus.importScheme(FixtureScheme.v2(base).getBytes(StandardCharsets.UTF_8), "v2.ttl",
                "text/turtle", "b", false).schemeId();
        TestHttp http = admin();
        double[][] stats = interleaved(http, "/gestion/admin/statistiques", "/api/stats/report");
        double[][] review = interleaved(http, "/gestion/admin/thesaurus/" + id + "/versions/2",
                "/api/thesaurus/schemes/" + id + "/diff?from=1&to=2");

        StringBuilder md = new StringBuilder();
        md.append("Run ").append(Instant.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, load average ").append(String.format(Locale.ROOT, "%.1f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(", ").append(RECORDS).append(" records, ").append(RUNS).append(" requests each after ")
                .append(WARMUP).append(" warm-up\n\n| request | p50 ms | p95 ms | baseline p50 | baseline p95 | ratio p95 |\n")
                .append("|---|---|---|---|---|---|\n");
        md.append(row("statistics dashboard `/gestion/admin/statistiques` vs `/api/stats/report`", stats));
        md.append(row("version review `/gestion/admin/thesaurus/{id}/versions/2` vs `/api/thesaurus/schemes/{id}/diff`",
                review));
        boolean ok = PageRenderBenchmark.pct(stats[0], 95) <= 150 && PageRenderBenchmark.pct(review[0], 95) <= 150;
        md.append("\nVerdict: ").append(ok ? "PASS" : "FAIL").append(" (goal: page p95 ≤ 150 ms)\n");
        Path out = Path.of("bench/out/admin-pages.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
    }

    /** Published records under starter themes; one in a hundred uses a concept that v2 deprecates. */
    private void load(String ex) {
        for (int start = 0; start < RECORDS; start += 1_000) {
            List<RecordFields> fields = new ArrayList<>();
            for (int i = start; i < Math.min(RECORDS, start + 1_000); i++) {
                List<String> subjects = i % 100 == 0 ? List.of(ex + "old", T + "jeunesse") : List.of(T + "jeunesse");
                fields.add(new RecordFields("Étude n° " + i, null, List.of("Auteur " + (i % 300)), null, "2020",
                        i % 2 == 0 ? "rapport" : "étude", "fr", null, subjects, List.of(), "bench-admin",
                        AccessLevel.PUBLIC));
            }
            catalogue.importRecords(fields, true);
        }
    }

    private static double[][] interleaved(TestHttp http, String page, String baseline) {
        return PagePairs.interleaved(http, WARMUP, RUNS, i -> page, i -> baseline);
    }

    private static String row(String what, double[][] m) {
        return PagePairs.row(what, m);
    }
}
