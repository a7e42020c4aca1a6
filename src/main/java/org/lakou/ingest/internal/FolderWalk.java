package org.lakou.ingest.internal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of a folder tree to import, and what was left out and why. Only regular files are
 * imported; links are never followed (a link could lead out of an import root), and devices,
 * FIFOs, sockets and pseudo file systems such as {@code /proc} are never opened, since reading them
 * can block for ever or return the server's own secrets. Hidden files and folders are left out
 * silently, as a user would expect.
 */
final class FolderWalk {

    static final String LINK = "link";
    static final String SPECIAL = "special";
    static final String UNREADABLE = "unreadable";

    private static final Logger log = LoggerFactory.getLogger(FolderWalk.class);
    private static final Set<String> PSEUDO_FILE_SYSTEMS = Set.of("proc", "sysfs", "devtmpfs", "devpts", "debugfs",
            "securityfs", "tracefs", "configfs", "cgroup", "cgroup2", "bpf", "pstore", "efivarfs", "fusectl",
            "mqueue", "hugetlbfs", "binfmt_misc", "autofs", "rpc_pipefs");

    record Item(Path path, String name) {
    }

    /** @param skipped entries left out, by reason ({@code link}, {@code special}, {@code unreadable}) */
    record Listing(List<Item> items, Map<String, Integer> skipped) {
        int skippedCount() {
            return skipped.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private FolderWalk() {
    }

    static Listing walk(Path root) throws IOException {
        List<Item> items = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && hidden(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (pseudo(dir)) {
                    skip(dir, SPECIAL);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (hidden(file)) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isSymbolicLink()) {
                    skip(file, LINK);
                } else if (!attrs.isRegularFile()) {
                    skip(file, SPECIAL);
                } else if (!Files.isReadable(file)) {
                    skip(file, UNREADABLE);
                } else {
                    items.add(new Item(file, file.getFileName().toString()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                skip(file, UNREADABLE);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                if (e != null) {
                    skip(dir, UNREADABLE);
                }
                return FileVisitResult.CONTINUE;
            }

            private void skip(Path p, String reason) {
                log.warn("Batch import skips {} ({})", p, reason);
                skipped.merge(reason, 1, Integer::sum);
            }
        });
        items.sort(Comparator.comparing(Item::path));
        return new Listing(items, skipped);
    }

    private static boolean pseudo(Path dir) {
        try {
            FileStore store = Files.getFileStore(dir);
            return PSEUDO_FILE_SYSTEMS.contains(store.type());
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hidden(Path p) {
        try {
            return p.getFileName().toString().startsWith(".") || Files.isHidden(p);
        } catch (IOException e) {
            return true;
        }
    }
}
