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
import org.lakou.search.SearchApi;
import org.lakou.thesaurus.FixtureScheme;
import org.lakou.thesaurus.ThesaurusApi;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Server-side time of three administration pages at 10,000 records (the shared
 * {@link BenchCatalogue}, plus one in a hundred using a concept the new version retires), each
 * against the JSON API call it is built on, interleaved in the same run: the statistics dashboard
 * vs {@code /api/stats/report}, a thesaurus version's review page vs
 * {@code /api/thesaurus/schemes/{id}/diff} (the page also finds the records of each retired
 * concept) and the thesaurus administration page vs {@code /api/thesaurus/schemes}. Goal: page
 * p95 at most 150 ms. Writes bench/out/admin-pages.md; {@code -Dbench.records} and
 * {@code -Dbench.runs} shorten it.
 */
@Tag("bench")
class AdminPagesBenchmark extends IntegrationTestBase {

    private static final int RETIRING = BenchCatalogue.RECORDS / 100;
    private static final int RUNS = Integer.getInteger("bench.runs", 100);
    private static final int WARMUP = 10;

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    ThesaurusApi thesaurus;

    @Autowired
    SearchApi search;

    @Test
    void dashboardAndVersionReviewRenderWithinBudget() throws Exception {
        String base = "https://example.org/bench-" + System.nanoTime();
        thesaurus.importScheme(FixtureScheme.v1(base).getBytes(StandardCharsets.UTF_8), "v1.ttl", "text/turtle", "b");
        BenchCatalogue.records(catalogue, search);
        retiring(base + "/");
        String id = thesaurus.importScheme(FixtureScheme.v2(base).getBytes(StandardCharsets.UTF_8), "v2.ttl",
                "text/turtle", "b", false).schemeId();
        TestHttp http = admin();
        double[][] stats = interleaved(http, "/gestion/admin/statistiques", "/api/stats/report");
        double[][] review = interleaved(http, "/gestion/admin/thesaurus/" + id + "/versions/2",
                "/api/thesaurus/schemes/" + id + "/diff?from=1&to=2");
        double[][] schemes = interleaved(http, "/gestion/admin/thesaurus", "/api/thesaurus/schemes");

        StringBuilder md = new StringBuilder();
        md.append("Run ").append(Instant.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, load average ").append(String.format(Locale.ROOT, "%.1f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(", ").append(BenchCatalogue.RECORDS + RETIRING).append(" records, ").append(RUNS)
                .append(" requests each after ")
                .append(WARMUP).append(" warm-up\n\n| request | p50 ms | p95 ms | baseline p50 | baseline p95 | ratio p95 |\n")
                .append("|---|---|---|---|---|---|\n");
        md.append(row("statistics dashboard `/gestion/admin/statistiques` vs `/api/stats/report`", stats));
        md.append(row("version review `/gestion/admin/thesaurus/{id}/versions/2` vs `/api/thesaurus/schemes/{id}/diff`",
                review));
        md.append(row("thesaurus admin `/gestion/admin/thesaurus` (schemes, pending versions) "
                + "vs `/api/thesaurus/schemes`", schemes));
        boolean ok = List.of(stats, review, schemes).stream()
                .allMatch(m -> PageRenderBenchmark.pct(m[0], 95) <= PagePairs.GOAL_MS);
        md.append("\nVerdict: ").append(ok ? "PASS" : "FAIL").append(" (goal: page p95 ≤ 150 ms)\n");
        Path out = Path.of("bench/out/admin-pages.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
    }

    /**
     * One record in a hundred more, using a concept that v2 deprecates (and a starter theme), on top
     * of the shared catalogue: the review page lists them.
     */
    private void retiring(String ex) {
        List<RecordFields> fields = new ArrayList<>();
        for (int i = 0; i < RETIRING; i++) {
            fields.add(new RecordFields("Étude n° " + i + " (concept retiré)", null, List.of("Auteur " + (i % 300)),
                    null, "2020", i % 2 == 0 ? "rapport" : "étude", "fr", null,
                    List.of(ex + "old", BenchCatalogue.T + "jeunesse"), List.of(), "bench-admin", AccessLevel.PUBLIC));
        }
        catalogue.importRecords(fields, true);
    }

    private static double[][] interleaved(TestHttp http, String page, String baseline) {
        return PagePairs.interleaved(http, WARMUP, RUNS, i -> page, i -> baseline);
    }

    private static String row(String what, double[][] m) {
        return PagePairs.row(what, m);
    }
}
