package org.lakou.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.lakou.ingest.IngestJob;
import org.lakou.ingest.IngestJob.State;
import org.lakou.ingest.IngestProperties;
import org.lakou.shared.ApiException;
import org.lakou.shared.Ids;
import org.lakou.shared.StorageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Batch imports, for the CLI and the batch API alike: a fixed pool of {@code batchThreads} hashes,
 * stores and records files while the worker pool parses them, so both cores stay busy. A file's
 * failure is counted, never fatal to the job.
 */
@Component
public class BatchImporter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BatchImporter.class);
    private static final long FLUSH_EVERY_MS = 500;

    /** Told after every file; called from several threads. */
    public interface Progress {
        Progress NONE = job -> { };

        void update(IngestJob job);
    }

    record Item(Path path, String name) {
    }

    /** Uploaded files copied out of the request before it ends; deleted when the job is over. */
    public static final class Staging {
        private final Path dir;
        private final List<Item> items = new ArrayList<>();

        private Staging(Path dir) {
            this.dir = dir;
        }

        public void add(String name, InputStream content) throws IOException {
            Path target = dir.resolve(String.format("%05d", items.size()));
            try (content) {
                Files.copy(content, target);
            }
            items.add(new Item(target, name));
        }

        void delete() {
            try (var files = Files.list(dir)) {
                files.forEach(p -> p.toFile().delete());
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                log.warn("Could not delete staging folder {}: {}", dir, e.getMessage());
            }
        }
    }

    private final Ingestor ingestor;
    private final JobStore jobs;
    private final IngestProperties properties;
    private final Clock clock;
    private final Path stagingRoot;
    private final ExecutorService background = Executors.newCachedThreadPool(daemon("ingest-batch"));

    BatchImporter(Ingestor ingestor, JobStore jobs, IngestProperties properties, StorageProperties storage,
            Clock clock) {
        this.ingestor = ingestor;
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
        this.stagingRoot = storage.resolve("tmp/batch");
        sweepStaging();
    }

    /** Staging folders whose job died with its server; a running job's folder is never a day old. */
    private void sweepStaging() {
        if (!Files.isDirectory(stagingRoot)) {
            return;
        }
        java.time.Instant limit = clock.instant().minus(java.time.Duration.ofDays(1));
        try (var dirs = Files.list(stagingRoot)) {
            dirs.filter(d -> {
                try {
                    return Files.getLastModifiedTime(d).toInstant().isBefore(limit);
                } catch (IOException e) {
                    return false;
                }
            }).forEach(d -> new Staging(d).delete());
        } catch (IOException e) {
            log.warn("Could not sweep {}: {}", stagingRoot, e.getMessage());
        }
    }

    public IngestJob start(Path directory) {
        Path dir = checkDirectory(directory);
        JobCounters counters = newJob("directory " + dir);
        background.execute(() -> run(counters, () -> walk(dir), properties.batchThreads(), Progress.NONE));
        return counters.snapshot(State.RUNNING, null, null);
    }

    /** Runs in the caller's thread: the CLI shows progress and waits for the summary. */
    public IngestJob runNow(Path directory, Integer threads, Progress progress) {
        Path dir = checkDirectory(directory);
        return run(newJob("directory " + dir), () -> walk(dir), threads == null ? properties.batchThreads() : threads,
                progress);
    }

    public Staging stage() {
        try {
            Files.createDirectories(stagingRoot);
            return new Staging(Files.createTempDirectory(stagingRoot, "batch-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public IngestJob startStaged(Staging staging) {
        JobCounters counters = newJob("upload of " + staging.items.size() + " files");
        background.execute(() -> {
            try {
                run(counters, () -> staging.items, properties.batchThreads(), Progress.NONE);
            } finally {
                staging.delete();
            }
        });
        return counters.snapshot(State.RUNNING, null, null);
    }

    private JobCounters newJob(String source) {
        JobCounters counters = new JobCounters(Ids.newId(), source, clock.instant());
        jobs.save(counters.snapshot(State.RUNNING, null, null));
        return counters;
    }

    private IngestJob run(JobCounters counters, Callable<List<Item>> source, int threads, Progress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("ingest-batch-file"));
        AtomicLong lastFlush = new AtomicLong(System.currentTimeMillis());
        try {
            List<Item> items = source.call();
            counters.total(items.size());
            publish(counters.snapshot(State.RUNNING, null, null), progress);
            Ingestor.Options options = ingestor.defaults();
            for (Item item : items) {
                pool.execute(() -> {
                    try {
                        counters.count(ingestor.ingestFile(item.path(), item.name(), options));
                    } catch (RuntimeException e) {
                        log.warn("Batch job: {} failed: {}", item.path(), e.toString());
                        counters.failed();
                    }
                    IngestJob now = counters.snapshot(State.RUNNING, null, null);
                    progress.update(now);
                    long last = lastFlush.get();
                    long t = System.currentTimeMillis();
                    if (t - last >= FLUSH_EVERY_MS && lastFlush.compareAndSet(last, t)) {
                        jobs.save(now);
                    }
                });
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                log.debug("Batch job {} still running", counters.snapshot(State.RUNNING, null, null).id());
            }
            return publish(counters.snapshot(State.DONE, clock.instant(), null), progress);
        } catch (Exception e) {
            log.error("Batch job failed", e);
            return publish(counters.snapshot(State.FAILED, clock.instant(), e.toString()), progress);
        } finally {
            pool.shutdownNow();
        }
    }

    private IngestJob publish(IngestJob job, Progress progress) {
        jobs.save(job);
        progress.update(job);
        return job;
    }

    private static Path checkDirectory(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            throw ApiException.badRequest("Not an existing directory: " + directory);
        }
        return directory.toAbsolutePath().normalize();
    }

    /** Hidden files and folders (dot-names, or hidden by the OS) are skipped; links are not followed. */
    static List<Item> walk(Path root) throws IOException {
        List<Item> items = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !hidden(file)) {
                    items.add(new Item(file, file.getFileName().toString()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                log.warn("Batch import skips unreadable {}: {}", file, e.getMessage());
                return FileVisitResult.CONTINUE;
            }
        });
        items.sort(Comparator.comparing(Item::path));
        return items;
    }

    private static boolean hidden(Path p) {
        try {
            return p.getFileName().toString().startsWith(".") || Files.isHidden(p);
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
