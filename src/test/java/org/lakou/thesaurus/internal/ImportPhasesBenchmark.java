package org.lakou.thesaurus.internal;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.List;

import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Where an import's time goes, in thread CPU time (steadier than wall time on a shared machine):
 * parse, quality checks, concept extraction, snapshot build, payload compression. Run with the
 * bench group; prints one line per run, the first one cold.
 */
@Tag("bench")
class ImportPhasesBenchmark {

    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    @Test
    void unescoPhases() throws Exception {
        byte[] b = Files.readAllBytes(SharedData.require(SharedData.UNESCO));
        for (int run = 0; run < 5; run++) {
            long t0 = cpu();
            var parsed = RdfInput.parse(b, Lang.TURTLE);
            long t1 = cpu();
            var report = QualityChecker.check(parsed, x -> false);
            long t2 = cpu();
            var state = SchemeState.of("x", "http://vocabularies.unesco.org/thesaurus", 1, parsed.model(), false);
            long t3 = cpu();
            new ConceptGraph(List.of(state));
            long t4 = cpu();
            var bytes = new java.io.ByteArrayOutputStream();
            try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
                org.apache.jena.riot.RDFDataMgr.write(gz, parsed.model(), Lang.NTRIPLES);
            }
            long t5 = cpu();
            System.out.printf("PHASES cpu ms: parse %d, checks %d, extract %d, snapshot %d, gzip %d; total %d; findings %s%n",
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000,
                    (t5 - t4) / 1_000_000, (t5 - t0) / 1_000_000, report.counts());
        }
    }
}
