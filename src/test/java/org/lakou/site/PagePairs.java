package org.lakou.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

import org.lakou.TestHttp;

/**
 * The page benchmarks' measure: each page against the API call it is built on, the two alternating
 * so both see the same machine load, and one report row per pair.
 */
final class PagePairs {

    private PagePairs() {
    }

    /** {page ms, baseline ms} over {@code runs} pairs after {@code warmup}; each call returns its HTTP status. */
    static double[][] interleaved(int warmup, int runs, IntUnaryOperator page, IntUnaryOperator baseline) {
        for (int i = 0; i < warmup; i++) {
            assertThat(page.applyAsInt(i)).isEqualTo(200);
            assertThat(baseline.applyAsInt(i)).isEqualTo(200);
        }
        double[] p = new double[runs];
        double[] b = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            assertThat(page.applyAsInt(i)).isEqualTo(200);
            p[i] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            assertThat(baseline.applyAsInt(i)).isEqualTo(200);
            b[i] = (System.nanoTime() - t) / 1e6;
        }
        return new double[][] {p, b};
    }

    static double[][] interleaved(TestHttp http, int warmup, int runs, IntFunction<String> page,
            IntFunction<String> baseline) {
        return interleaved(warmup, runs, i -> http.get(page.apply(i)).status(),
                i -> http.get(baseline.apply(i)).status());
    }

    /** | what | page p50 | page p95 | baseline p50 | baseline p95 | ratio p95 | */
    static String row(String what, double[][] m) {
        double p95 = PageRenderBenchmark.pct(m[0], 95);
        double b95 = PageRenderBenchmark.pct(m[1], 95);
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.2f |%n", what,
                PageRenderBenchmark.pct(m[0], 50), p95, PageRenderBenchmark.pct(m[1], 50), b95, p95 / b95);
    }
}
