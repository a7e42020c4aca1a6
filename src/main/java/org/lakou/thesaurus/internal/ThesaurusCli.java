package org.lakou.thesaurus.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.lakou.shared.ApiException;
import org.lakou.shared.CliCommand;
import org.lakou.thesaurus.ImportResult;
import org.lakou.thesaurus.QualityFinding;
import org.lakou.thesaurus.QualityReport;
import org.lakou.thesaurus.ThesaurusApi;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lakou thesaurus import FILE} and {@code lakou thesaurus schemes}. */
@Component
@Command(name = "thesaurus", mixinStandardHelpOptions = true, description = "Import and list SKOS schemes")
class ThesaurusCli implements CliCommand {

    private final ThesaurusApi thesaurus;

    @Spec
    CommandSpec spec;

    ThesaurusCli(ThesaurusApi thesaurus) {
        this.thesaurus = thesaurus;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "import", description = "Import a scheme version (Turtle, RDF/XML, N-Triples, JSON-LD, TriG)")
    int importFile(@Parameters(paramLabel = "FILE") Path file,
            @Option(names = "--source", description = "Where the file comes from (default: the file name)") String source,
            @Option(names = "--no-apply", description = "Store the version without making it current") boolean noApply) {
        var out = spec.commandLine().getOut();
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            spec.commandLine().getErr().println("Cannot read " + file + ": " + e);
            return 2;
        }
        try {
            ImportResult r = thesaurus.importScheme(content, file.getFileName().toString(), null,
                    source == null ? "cli:" + file.getFileName() : source, !noApply);
            out.printf("Imported %s as %s version %d: %d concepts, %d triples%n", file, r.schemeId(), r.version(),
                    r.conceptCount(), r.tripleCount());
            print(out, r.report());
            if (r.applied() != null) {
                out.printf("Applied: %d records remapped, %d flagged for review%n", r.applied().remapped(),
                        r.applied().flagged());
            }
            return 0;
        } catch (ApiException e) {
            spec.commandLine().getErr().println("Refused: " + e.getMessage());
            if (e.properties().get("report") instanceof QualityReport report) {
                print(spec.commandLine().getErr(), report);
            }
            return 1;
        }
    }

    @Command(name = "schemes", description = "List schemes and their current versions")
    int schemes() {
        thesaurus.schemes().forEach(s -> spec.commandLine().getOut().printf("%-20s v%-4s %6d concepts  %s%n", s.id(),
                s.currentVersion(), s.conceptCount(), s.uri()));
        return 0;
    }

    private static void print(java.io.PrintWriter out, QualityReport report) {
        report.counts().forEach((code, n) -> out.printf("  %-28s %d%n", code, n));
        for (QualityFinding f : report.errors()) {
            out.printf("  ERROR %s%s: %s%n", f.code(), f.line() == null ? "" : " line " + f.line(), f.message());
        }
    }
}
