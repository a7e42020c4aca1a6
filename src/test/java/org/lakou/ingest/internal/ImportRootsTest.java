package org.lakou.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.ingest.IngestProperties;
import org.lakou.shared.ApiException;
import org.springframework.util.unit.DataSize;

class ImportRootsTest {

    @TempDir
    Path tmp;

    private static ImportRoots roots(List<Path> roots) {
        return new ImportRoots(new IngestProperties(DataSize.ofMegabytes(1), Duration.ofSeconds(1), 1000, 1, "64m", 1,
                List.of(), roots, Duration.ofMinutes(5)));
    }

    @Test
    void withoutRootsEveryFolderIsRefused() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("depot"));
        assertThatThrownBy(() -> roots(List.of()).confine(dir)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(403);
            assertThat(e.properties()).containsEntry("reason", "import-roots-unset");
            assertThat(e.getMessage()).contains("lakou.ingest.import-roots");
        });
    }

    @Test
    void insideARootTheCanonicalFolderIsReturned() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("racine"));
        Path dir = Files.createDirectories(root.resolve("a/b"));
        assertThat(roots(List.of(root)).confine(root.resolve("a/./b/../b"))).isEqualTo(dir.toRealPath());
    }

    @Test
    void aRootReachedThroughALinkIsStillARoot() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("vrai"));
        Files.createDirectories(real.resolve("depot"));
        Path alias = Files.createSymbolicLink(tmp.resolve("alias"), real);
        assertThat(roots(List.of(alias)).confine(alias.resolve("depot"))).isEqualTo(real.resolve("depot").toRealPath());
    }

    @Test
    void aLinkOutOfTheRootIsRefusedEvenWhenTheLinkLivesInside() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("racine"));
        Path elsewhere = Files.createDirectories(tmp.resolve("ailleurs"));
        Path link = Files.createSymbolicLink(root.resolve("lien"), elsewhere);
        assertThatThrownBy(() -> roots(List.of(root)).confine(link)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.properties()).containsEntry("reason", "outside-import-roots"));
    }
}
