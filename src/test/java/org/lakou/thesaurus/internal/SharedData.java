package org.lakou.thesaurus.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** The team's shared corpus lives beside the project as {@code ../shared}; tests skip when it is absent. */
public final class SharedData {

    public static final Path ROOT = Path.of("").toAbsolutePath().resolveSibling("shared").normalize();
    public static final Path THESAURUS = ROOT.resolve("data/thesaurus");
    public static final Path UNESCO = THESAURUS.resolve("unesco-thesaurus.ttl");

    private SharedData() {
    }

    public static Path require(Path p) {
        Assumptions.assumeTrue(Files.exists(p), "../shared absent: " + p);
        return p;
    }
}
