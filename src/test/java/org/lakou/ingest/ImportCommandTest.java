package org.lakou.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.IntegrationTestBase;
import org.lakou.ingest.internal.ImportCommand;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;

/** {@code lakou import DIR}, run twice over the same folder: the second run imports nothing new. */
class ImportCommandTest extends IntegrationTestBase {

    @Autowired
    ImportCommand command;

    @TempDir
    Path dir;

    @Test
    void aSecondImportOfTheSameFolderFindsOnlyDuplicates() throws IOException {
        String token = TestFiles.token();
        TestFiles.textPdf(dir.resolve("rapport.pdf"), "Rapport " + token, "A", List.of(TestFiles.FRENCH));
        TestFiles.textPdf(dir.resolve("guide.pdf"), "Guide " + token, "B", List.of(TestFiles.FRENCH));
        Files.createDirectories(dir.resolve("2011/actes"));
        Files.writeString(dir.resolve("2011/actes/compte-rendu.html"), "<html><head><title>Compte rendu " + token
                + "</title></head><body><p>" + TestFiles.FRENCH + "</p></body></html>");
        Files.writeString(dir.resolve("2011/notes.txt"), TestFiles.FRENCH + " " + token);
        try (var huge = new java.io.RandomAccessFile(dir.resolve("2011/scan-complet.pdf").toFile(), "rw")) {
            huge.setLength(100L * 1024 * 1024 + 1); // sparse: over the limit without writing 100 MB
        }
        Files.writeString(dir.resolve(".DS_Store"), "hidden");
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/config"), "hidden too");

        Run first = run(dir.toString());
        Run second = run(dir.toString(), "--threads", "1");

        assertThat(first.exit).as(first.out + first.err).isZero();
        assertThat(first.out).contains("5 files: 4 imported, 0 duplicates, 0 quarantined, 1 skipped (too large), 0 failed");
        assertThat(first.err).contains("5/5 files").contains("[" + "#".repeat(30) + "]");
        assertThat(second.exit).isZero();
        assertThat(second.out).contains("5 files: 0 imported, 4 duplicates, 0 quarantined, 1 skipped (too large), 0 failed");
    }

    @Test
    void aMissingFolderIsAUsageError() {
        Run r = run(dir.resolve("absent").toString());
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("Not an existing directory");
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
