package org.lakou.site;


import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.members.Member;
import org.lakou.members.MemberCategory;
import org.lakou.members.NewMember;
import org.lakou.members.Role;

/**
 * Server-side render time of the administration pages (members list and page, policy grid,
 * harvest sources), each against the JSON API call on the same module API, alternating in the same
 * run. The members list is a scan of the accounts, so it runs over {@code -Dbench.members}
 * accounts (default 2,000, more than a centre has). Goal: page p95 at most 150 ms. Writes
 * bench/out/pages-admin.md; {@code -Dbench.runs} shortens it.
 */
@Tag("bench")
class AdminPageRenderBenchmark extends IntegrationTestBase {

    private static final int MEMBERS = Integer.getInteger("bench.members", 2_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 200);
    private static final int WARMUP = 50;
    private static final String[] NAMES = {"Marie", "Joseph", "Lucienne", "Max", "Rose", "Paul", "Nadia", "Eddy"};

    @Test
    void administrationPagesRenderWithinBudget() throws Exception {
        List<Member> members = load();
        Pages pages = new Pages(baseUrl()).basic(ADMIN, PASSWORD);
        TestHttp api = admin();
        IntFunction<String> q = i -> NAMES[i % NAMES.length].toLowerCase(Locale.ROOT);
        IntFunction<String> id = i -> members.get((i * 7919) % members.size()).id();
        double[][] list = interleaved(i -> pages.get("/gestion/admin/membres?q=" + q.apply(i)).status() == 200,
                i -> api.get("/api/members?q=" + q.apply(i)).status() == 200);
        double[][] member = interleaved(i -> pages.get("/gestion/admin/membres/" + id.apply(i)).status() == 200,
                i -> api.get("/api/members/" + id.apply(i)).status() == 200);
        double[][] grid = interleaved(i -> pages.get("/gestion/admin/politique").status() == 200,
                i -> api.get("/api/policies").status() == 200);
        double[][] harvest = interleaved(i -> pages.get("/gestion/admin/moissonnage").status() == 200,
                i -> api.get("/api/harvest/sources").status() == 200);

        StringBuilder md = new StringBuilder();
        md.append("Run ").append(Instant.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, load average ").append(String.format(Locale.ROOT, "%.1f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(", ").append(members.size()).append(" bench accounts, ").append(RUNS)
                .append(" requests each after ").append(WARMUP).append(" warm-up\n\n")
                .append("| request | p50 ms | p95 ms | baseline p50 | baseline p95 | ratio p95 |\n|---|---|---|---|---|---|\n");
        md.append(row("members list `/gestion/admin/membres?q=…` (a scan) vs `/api/members?q=…`", list));
        md.append(row("member page `/gestion/admin/membres/{id}` (account, loans, holds, requests) vs `/api/members/{id}`",
                member));
        md.append(row("policy grid `/gestion/admin/politique` (19 × 6 cells) vs `/api/policies`", grid));
        md.append(row("harvest sources `/gestion/admin/moissonnage` vs `/api/harvest/sources`", harvest));
        boolean ok = List.of(list, member, grid, harvest).stream()
                .allMatch(m -> PageRenderBenchmark.pct(m[0], 95) <= 150);
        md.append("\nVerdict: ").append(ok ? "PASS" : "FAIL").append(" (goal: page p95 ≤ 150 ms)\n");
        Path out = Path.of("bench/out/pages-admin.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
    }

    private List<Member> load() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        MemberCategory[] categories = MemberCategory.values();
        List<Member> all = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            all.add(memberApi.create(new NewMember("bench-" + run + "-" + i + "@lakou.test",
                    NAMES[i % NAMES.length] + " Bench " + i, "Structure " + (i % 40),
                    categories[i % categories.length], Role.MEMBER, null)));
        }
        return all;
    }

    /** Page and baseline alternate, so both see the same machine load. */
    private static double[][] interleaved(IntPredicate page, IntPredicate baseline) {
        return PagePairs.interleaved(WARMUP, RUNS, i -> page.test(i) ? 200 : -1, i -> baseline.test(i) ? 200 : -1);
    }

    private static String row(String what, double[][] m) {
        return PagePairs.row(what, m);
    }
}
