package org.lakou.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.lakou.ingest.IngestJob;
import org.lakou.ingest.IngestJob.State;
import org.lakou.ingest.IngestOutcome;
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
 * failure is counted, never fatal to the job, and every job ends (see {@link BoundedBatch}).
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

    /** Uploaded files copied out of the request before it ends; deleted when the job is over. */
    public static final class Staging {
        private final Path dir;
        private final List<FolderWalk.Item> items = new ArrayList<>();

        private Staging(Path dir) {
            this.dir = dir;
        }

        public void add(String name, InputStream content) throws IOException {
            Path target = dir.resolve(String.format("%05d", items.size()));
            try (content) {
                Files.copy(content, target);
            }
            items.add(new FolderWalk.Item(target, name));
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
    private final ImportRoots roots;
    private final ExecutorService background = Executors.newCachedThreadPool(daemon("ingest-batch"));

    BatchImporter(Ingestor ingestor, JobStore jobs, IngestProperties properties, StorageProperties storage,
            Clock clock) {
        this.ingestor = ingestor;
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
        this.stagingRoot = storage.resolve("tmp/batch");
        this.roots = new ImportRoots(properties);
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

    /** A folder import asked over HTTP: only inside {@code lakou.ingest.import-roots}. */
    public IngestJob start(Path directory) {
        Path dir = roots.confine(directory);
        JobCounters counters = newJob("directory " + dir);
        background.execute(() -> run(counters, () -> FolderWalk.walk(dir), properties.batchThreads(), Progress.NONE));
        return counters.snapshot(State.RUNNING, null, null);
    }

    /**
     * Runs in the caller's thread: the CLI shows progress and waits for the summary. Any folder, as
     * whoever runs the CLI already has the machine.
     */
    public IngestJob runNow(Path directory, Integer threads, Progress progress) {
        Path dir = checkDirectory(directory);
        return run(newJob("directory " + dir), () -> FolderWalk.walk(dir),
                threads == null ? properties.batchThreads() : threads, progress);
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
                run(counters, () -> new FolderWalk.Listing(staging.items, java.util.Map.of()), properties.batchThreads(),
                        Progress.NONE);
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

    private IngestJob run(JobCounters counters, Callable<FolderWalk.Listing> source, int threads, Progress progress) {
        try {
            FolderWalk.Listing listing = source.call();
            counters.total(listing.items().size() + listing.skippedCount());
            listing.skipped().forEach(counters::skipped);
            publish(counters.snapshot(State.RUNNING, null, null), progress);
            Ingestor.Options options = ingestor.defaults();
            BoundedBatch.runAll(listing.items(), threads, perFileLimit(options), daemon("ingest-batch-file"),
                    new Accounting(counters, options, progress));
            return publish(counters.snapshot(State.DONE, clock.instant(), null), progress);
        } catch (Exception | Error e) {
            // whatever happens, the job ends: a RUNNING job nobody runs is a lie the user waits on
            log.error("Batch job failed", e);
            return publish(counters.snapshot(State.FAILED, clock.instant(), e.toString()), progress);
        }
    }

    /**
     * Longer than any honest file can take: the wait for the same bytes claimed by another thread
     * (twice the parse timeout and a minute, see Ingestor), then this file's own parse and storage.
     */
    private static Duration perFileLimit(Ingestor.Options options) {
        return options.hardLimit().multipliedBy(4).plusMinutes(2);
    }

    /** Counts each file's outcome and flushes the job's progress now and then. */
    private final class Accounting implements BoundedBatch.Handler<FolderWalk.Item, IngestOutcome> {
        private final JobCounters counters;
        private final Ingestor.Options options;
        private final Progress progress;
        private final AtomicLong lastFlush = new AtomicLong(System.currentTimeMillis());

        Accounting(JobCounters counters, Ingestor.Options options, Progress progress) {
            this.counters = counters;
            this.options = options;
            this.progress = progress;
        }

        @Override
        public IngestOutcome work(FolderWalk.Item item) {
            return ingestor.ingestFile(item.path(), item.name(), options);
        }

        @Override
        public void done(FolderWalk.Item item, IngestOutcome outcome) {
            counters.count(outcome);
            tick();
        }

        @Override
        public void failed(FolderWalk.Item item, RuntimeException e) {
            log.warn("Batch job: {} failed: {}", item.path(), e.toString());
            counters.failed();
            tick();
        }

        @Override
        public void abandoned(FolderWalk.Item item) {
            counters.skipped("timeout", 1);
            tick();
        }

        private void tick() {
            IngestJob now = counters.snapshot(State.RUNNING, null, null);
            progress.update(now);
            long last = lastFlush.get();
            long t = System.currentTimeMillis();
            if (t - last >= FLUSH_EVERY_MS && lastFlush.compareAndSet(last, t)) {
                jobs.save(now);
            }
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
