package org.lakou.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file whose read never returns must not keep its job RUNNING for ever. Opening a FIFO with no
 * writer blocks in the kernel and ignores interrupts: the worst case there is.
 */
class BoundedBatchTest {

    @TempDir
    Path tmp;

    @Test
    void aFileThatNeverReturnsIsAbandonedAndEveryOtherFileStillRuns() throws Exception {
        Path fifo = tmp.resolve("tube");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        List<Path> items = List.of(fifo, tmp.resolve("a"), tmp.resolve("b"), tmp.resolve("c"));
        for (String name : List.of("a", "b", "c")) {
            Files.writeString(tmp.resolve(name), name);
        }
        Map<Path, String> outcome = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        // one thread: the stuck FIFO holds it, so the other files run only if the batch replaces it
        BoundedBatch.runAll(items, 1, Duration.ofMillis(700), r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }, new BoundedBatch.Handler<Path, String>() {
            @Override
            public String work(Path item) {
                try (InputStream in = Files.newInputStream(item)) {
                    return new String(in.readAllBytes());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public void done(Path item, String result) {
                outcome.put(item, "done " + result);
            }

            @Override
            public void failed(Path item, RuntimeException e) {
                outcome.put(item, "failed");
            }

            @Override
            public void abandoned(Path item) {
                outcome.put(item, "abandoned");
            }
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(outcome).containsEntry(fifo, "abandoned").containsEntry(tmp.resolve("a"), "done a")
                .containsEntry(tmp.resolve("b"), "done b").containsEntry(tmp.resolve("c"), "done c").hasSize(4);
        try (OutputStream release = Files.newOutputStream(fifo)) {
            release.write('x'); // lets the abandoned thread go
        }
    }
}
