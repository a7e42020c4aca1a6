package org.lakou.search.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Lays out a Solr home for the embedded CoreContainer from the configsets the jar carries under
 * {@code solr-config/}. The index survives restarts; the configsets are rewritten on every start,
 * so an upgraded Lakou always runs with the schema it was built with.
 */
final class EmbeddedSolrHome {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSolrHome.class);
    private static final String ROOT = "solr-config/";

    private EmbeddedSolrHome() {
    }

    /**
     * Prepares {@code home} with {@code solr.xml}, {@code configsets/*}, a catalogue core named
     * {@code core} and a concepts core named {@code conceptsCore}.
     */
    static void prepare(Path home, String core, String conceptsCore) {
        try {
            Files.createDirectories(home);
            Path configsets = home.resolve("configsets");
            deleteTree(configsets);
            int copied = copyFromClasspath(home, configsets);
            if (!Files.isRegularFile(configsets.resolve("catalogue/conf/schema.xml"))) {
                throw new IllegalStateException("No catalogue configset found on the classpath under " + ROOT);
            }
            if (!Files.isRegularFile(configsets.resolve("concepts/conf/schema.xml"))) {
                throw new IllegalStateException("No concepts configset found on the classpath under " + ROOT);
            }
            createCore(home, core, "catalogue");
            createCore(home, conceptsCore, "concepts");
            log.info("Embedded Solr home {} ready ({} configset files refreshed)", home, copied);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the Solr home " + home, e);
        }
    }

    /**
     * The catalogue core runs without Solr's transaction log here: the indexer hard-commits every
     * batch before it acknowledges the outbox, and MongoDB holds whatever was not yet committed,
     * so the log would only write every full text to disk a second time. SolrCloud needs the log
     * and keeps it. The file is rewritten on every start, so existing homes follow.
     */
    private static void createCore(Path home, String core, String configSet) throws IOException {
        Path coreDir = home.resolve(core);
        Files.createDirectories(coreDir);
        boolean catalogue = "catalogue".equals(configSet);
        Files.writeString(coreDir.resolve("core.properties"), "name=" + core + "\nconfigSet=" + configSet + "\n"
                + (catalogue ? "lakou.solr.updateLog=false\n" : ""), StandardCharsets.UTF_8);
        if (catalogue) {
            deleteTree(coreDir.resolve("data/tlog"));
        }
    }

    /**
     * Resource patterns, not file walking: from a Boot fat jar the configsets are jar entries.
     * Top-level files (solr.xml) go to the home; each {@code <name>/...} tree becomes a configset.
     */
    private static int copyFromClasspath(Path home, Path configsets) throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + ROOT + "**");
        int copied = 0;
        for (Resource r : resources) {
            String url = r.getURL().toString();
            int at = url.lastIndexOf(ROOT);
            if (at < 0 || url.endsWith("/") || !r.isReadable()) {
                continue;
            }
            String relative = url.substring(at + ROOT.length());
            if (relative.isEmpty() || relative.contains("..")) {
                continue;
            }
            Path target = relative.contains("/") ? configsets.resolve(relative) : home.resolve(relative);
            Files.createDirectories(target.getParent());
            try (InputStream in = r.getInputStream()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            copied++;
        }
        return copied;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
