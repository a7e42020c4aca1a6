package org.lakou.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lakou.TestHttp;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.shared.internal.h2.KeyOrderedH2Backend;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Lakou in external-storage mode on its own MongoDB wire server, which the test stops under load
 * and starts again on the same port and file: while it is gone every request fails fast with a 503
 * ProblemDetail (no hang on the driver's 30 s default), and the same context serves again once it
 * is back, with no restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MongoDownTest {

    private static final Path DIR = tempDir();
    private static final int MONGO_PORT = freePort();
    private static MongoServer mongo = startMongo();

    @LocalServerPort
    int port;

    @Autowired
    CatalogueApi catalogue;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("lakou.storage.mode", () -> "external");
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_PORT + "/lakou");
        registry.add("lakou.storage.data-dir", () -> DIR.resolve("data").toString());
        registry.add("lakou.storage.mongo-timeout", () -> "2s");
    }

    @AfterAll
    static void stopMongo() {
        mongo.shutdownNow();
    }

    @Test
    void requestsFailFastWith503WhileMongoIsDownAndRecoverWhenItReturns() throws Exception {
        Record record = catalogue.create(new RecordFields("Annuaire des associations", null, List.of(), null,
                "2024", "rapport", "fr", null, List.of(), List.of(), null, null));
        catalogue.publish(record.id());
        TestHttp http = new TestHttp("http://localhost:" + port);
        String path = "/api/records/" + record.id();
        assertThat(http.get(path).status()).isEqualTo(200);

        mongo.shutdownNow();
        ExecutorService load = Executors.newFixedThreadPool(8);
        List<Future<long[]>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            calls.add(load.submit(() -> {
                long t0 = System.nanoTime();
                TestHttp.Response r = http.get(path);
                assertThat(r.contentType()).as(r.body()).startsWith("application/problem+json");
                assertThat(r.header("Retry-After")).isNotBlank();
                return new long[] {r.status(), Duration.ofNanos(System.nanoTime() - t0).toMillis()};
            }));
        }
        for (Future<long[]> call : calls) {
            long[] outcome = call.get(60, TimeUnit.SECONDS);
            assertThat(outcome[0]).isEqualTo(503);
            // 2 s of server selection, plus queueing behind the other callers on two cores
            assertThat(outcome[1]).as("ms to fail").isLessThan(15_000);
        }
        load.shutdown();

        mongo = startMongo();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && (status = http.get(path).status()) != 200) {
            Thread.sleep(250);
        }
        assertThat(status).as("served again without a restart").isEqualTo(200);
        assertThat(http.get(path).json().get("title").asString()).isEqualTo("Annuaire des associations");
    }

    private static MongoServer startMongo() {
        MongoServer server = new MongoServer(KeyOrderedH2Backend.open(DIR.resolve("mongo.mv").toString(), 16));
        server.bind("127.0.0.1", MONGO_PORT);
        return server;
    }

    private static Path tempDir() {
        try {
            Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "mongo-down-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
