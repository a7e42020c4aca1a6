package org.lakou.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Copy;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.circulation.CirculationApi;
import org.lakou.circulation.Fixtures;
import org.lakou.members.Member;

/**
 * Server-side render time of the circulation part of the staff desk at 10,000 records, each page
 * against the JSON API call it is built on, in the same run: the desk ({@code /api/loans/overdue}),
 * a record's copies ({@code /api/records/{id}}), the labels page ({@code /api/records}, the same
 * newest-first listing) and the requests inbox ({@code /api/requests}). Goal: page p95 at most
 * 150 ms. Writes bench/out/staff-circulation.md; {@code -Dbench.records}, {@code -Dbench.runs}.
 */
@Tag("bench")
class StaffCirculationPagesBenchmark extends IntegrationTestBase {

    private static final int RECORDS = Integer.getInteger("bench.records", 10_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 200);
    private static final int WARMUP = 30;

    @org.springframework.beans.factory.annotation.Autowired
    CatalogueApi catalogue;
    @org.springframework.beans.factory.annotation.Autowired
    CirculationApi circulation;
    @org.springframework.beans.factory.annotation.Autowired
    org.lakou.search.SearchApi search;

    @Test
    void staffCirculationPagesRenderWithinBudget() throws Exception {
        List<Record> records = load();
        // the index catches up with the 10,000 imports first, so it does not share the cores with the timing
        assertThat(search.awaitIndexed(java.time.Duration.ofMinutes(10))).isTrue();
        Fixtures f = new Fixtures(catalogue, memberApi);
        List<Member> members = f.members(20);
        for (int i = 0; i < 40; i++) {
            circulation.checkout(records.get(i).copies().get(0).barcode(), members.get(i % members.size()).id());
        }
        for (int i = 0; i < 10; i++) {
            assertThat(member().post("/api/requests", Map.of("subject", "Demande " + i, "description", "Texte " + i,
                    "expected", List.of("references"))).status()).isEqualTo(201);
        }
        TestHttp http = documentalist();
        IntFunction<String> copies = i -> "/gestion/exemplaires/" + records.get((i * 7919) % records.size()).id();
        IntFunction<String> record = i -> "/api/records/" + records.get((i * 7919) % records.size()).id();
        StringBuilder md = new StringBuilder();
        md.append("Run ").append(Instant.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, load average ").append(String.format(Locale.ROOT, "%.1f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(", ").append(RECORDS).append(" records (").append(records.size())
                .append(" with a copy), 40 loans, ").append(RUNS)
                .append(" requests each after ").append(WARMUP).append(" warm-up\n\n")
                .append("| request | p50 ms | p95 ms | baseline p50 | baseline p95 | ratio p95 |\n|---|---|---|---|---|---|\n");
        List<Double> p95s = new ArrayList<>();
        md.append(row("desk `/gestion/circulation` vs `/api/loans/overdue`",
                interleaved(http, i -> "/gestion/circulation", i -> "/api/loans/overdue"), p95s));
        md.append(row("copies `/gestion/exemplaires/{id}` vs `/api/records/{id}`", interleaved(http, copies, record), p95s));
        md.append(row("labels `/gestion/etiquettes` vs `/api/records?size=30`",
                interleaved(http, i -> "/gestion/etiquettes", i -> "/api/records?size=30"), p95s));
        md.append(row("inbox `/gestion/demandes` vs `/api/requests`",
                interleaved(http, i -> "/gestion/demandes", i -> "/api/requests"), p95s));
        boolean ok = p95s.stream().allMatch(p -> p <= 150);
        md.append("\nVerdict: ").append(ok ? "PASS" : "FAIL").append(" (goal: page p95 ≤ 150 ms)\n");
        Path out = Path.of("bench/out/staff-circulation.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
    }

    private List<Record> load() {
        List<Record> all = new ArrayList<>();
        for (int start = 0; start < RECORDS; start += 1_000) {
            List<RecordFields> fields = new ArrayList<>();
            for (int i = start; i < Math.min(RECORDS, start + 1_000); i++) {
                fields.add(new RecordFields("Étude n° " + i + " sur les quartiers", null, List.of("Auteur " + (i % 300)),
                        "Centre de ressources", "2020", i % 2 == 0 ? "rapport" : "étude", "fr", "Résumé " + i,
                        List.of(), List.of(), "bench-staff", AccessLevel.PUBLIC));
            }
            all.addAll(catalogue.importRecords(fields, true));
        }
        List<Record> withCopies = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Record r = all.get(i);
            catalogue.addCopy(r.id(), new Copy("BENCH" + i + "-" + System.nanoTime(), "362 BEN", "Salle", null));
            withCopies.add(catalogue.get(r.id()));
        }
        return withCopies;
    }

    private static double[][] interleaved(TestHttp http, IntFunction<String> page, IntFunction<String> baseline) {
        return PagePairs.interleaved(http, WARMUP, RUNS, page, baseline);
    }

    private static String row(String what, double[][] m, List<Double> p95s) {
        p95s.add(PageRenderBenchmark.pct(m[0], 95));
        return PagePairs.row(what, m);
    }
}
