package org.lakou;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One live Lakou (embedded Mongo and Solr) shared by every integration test class: Spring caches
 * the context because every subclass has this same configuration. Its data lives in a fresh
 * directory per JVM, so runs never see each other's records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTestBase {

    protected static final Path DATA_DIR = newDataDir();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void lakouProperties(DynamicPropertyRegistry registry) {
        registry.add("lakou.storage.data-dir", DATA_DIR::toString);
        // OAI datestamps run this far ahead of the index commit; tests wait it out, so keep it short
        registry.add("lakou.oai.datestamp-delay", () -> "1s");
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    private static Path newDataDir() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), "it-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
