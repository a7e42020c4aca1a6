package org.lakou.backup.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.lakou.backup.BackupApi;
import org.lakou.backup.BackupInfo;
import org.lakou.backup.BackupProperties;
import org.lakou.shared.ApiException;
import org.lakou.shared.StorageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

@Service
class BackupService implements BackupApi {

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    static final Pattern NAME = Pattern.compile("lakou-\\d{8}T\\d{9}Z(-\\d+)?\\.zip");

    /** A file's verification, kept while its size and modification time stay the same. */
    private record Checked(long size, long modified, BackupInfo info) {
    }

    private final MongoTemplate mongo;
    private final Path dir;
    private final Clock clock;
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    BackupService(MongoTemplate mongo, BackupProperties props, StorageProperties storage, Clock clock) {
        this.mongo = mongo;
        this.dir = props.dir() != null ? props.dir().toAbsolutePath().normalize() : storage.resolve("backups");
        this.clock = clock;
    }

    @Override
    public BackupInfo create() {
        Instant now = clock.instant();
        try {
            Files.createDirectories(dir);
            Path target = freeName(now);
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            long start = System.nanoTime();
            try (ArchiveWriter out = new ArchiveWriter(partial)) {
                new DatabaseDump(mongo.getDb(), out).run();
                out.finish(now, mongo.getDb().getName());
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            // a backup is only offered once it reads back whole
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            BackupInfo info = inspect(target);
            log.info("Backup {} written in {} ms: {} records, {} files, {} bytes{}", info.name(),
                    (System.nanoTime() - start) / 1_000_000, info.records(), info.files(), info.size(),
                    Boolean.TRUE.equals(info.checksumOk()) ? "" : "; VERIFICATION FAILED: " + info.problem());
            return info;
        } catch (IOException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Backup failed",
                    "Could not write the backup in " + dir + ": " + e.getMessage());
        }
    }

    private synchronized Path freeName(Instant now) throws IOException {
        String base = "lakou-" + STAMP.format(now);
        Path p = dir.resolve(base + ".zip");
        for (int i = 2; Files.exists(p) || Files.exists(p.resolveSibling(p.getFileName() + ".partial")); i++) {
            p = dir.resolve(base + "-" + i + ".zip");
        }
        Files.createFile(p.resolveSibling(p.getFileName() + ".partial"));
        return p;
    }

    @Override
    public List<BackupInfo> list() {
        return backups().map(this::inspect).toList();
    }

    @Override
    public Optional<BackupInfo> find(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path p = dir.resolve(name);
        return Files.isRegularFile(p) ? Optional.of(inspect(p)) : Optional.empty();
    }

    /** Deletes the oldest backups beyond {@code keep}; returns how many. */
    int prune(int keep) {
        List<Path> all = backups().toList();
        int deleted = 0;
        for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
            try {
                Files.deleteIfExists(old);
                checked.remove(old.getFileName().toString());
                deleted++;
            } catch (IOException e) {
                log.warn("Could not delete old backup {}: {}", old, e.getMessage());
            }
        }
        return deleted;
    }

    Path dir() {
        return dir;
    }

    /** Newest first: the names sort by time. */
    private Stream<Path> backups() {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BackupInfo inspect(Path p) {
        try {
            long size = Files.size(p);
            long modified = Files.getLastModifiedTime(p).toMillis();
            String name = p.getFileName().toString();
            Checked c = checked.get(name);
            if (c != null && c.size() == size && c.modified() == modified) {
                return c.info();
            }
            BackupInfo info = verify(p, size);
            checked.put(name, new Checked(size, modified, info));
            return info;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BackupInfo verify(Path p, long size) {
        String name = p.getFileName().toString();
        try (ArchiveReader in = new ArchiveReader(p)) {
            Manifest m = in.manifest();
            String problem = null;
            try {
                in.verify();
            } catch (BackupFormatException e) {
                problem = e.getMessage();
            }
            return new BackupInfo(name, p.toString(), m.created(), size, m.count("records"), m.count("files.files"),
                    problem == null, problem);
        } catch (BackupFormatException e) {
            return new BackupInfo(name, p.toString(), null, size, 0, 0, false, e.getMessage());
        }
    }
}
