package org.lakou.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import de.bwaldvogel.mongo.MongoServer;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.core.CoreContainer;
import org.bson.BsonString;
import org.bson.Document;
import org.lakou.shared.internal.h2.KeyOrderedH2Backend;

/**
 * The floor under Lakou's ingest: a plain program doing the work any ingest must do, with no
 * Lakou pipeline code, in a JVM of its own. Per file, on a pool of threads: SHA-256 of the bytes;
 * a Tika parse ({@link RawParse}, configured as Lakou's workers); the bytes into GridFS through the
 * driver's own {@code GridFSBucket} under the SHA-256 (a second copy of the same bytes fails there,
 * and goes no further); one record document (metadata and text) inserted; one SolrJ add with
 * {@code commitWithin}. A pass ends when every file is stored, and again when the index counts
 * every record (polled every 50 ms, as Lakou's {@code awaitIndexed} does).
 * <p>
 * The storage is the same as Lakou's embedded mode, so the comparison is of the pipelines, not of
 * the engines: a MongoDB wire server on the same H2 engine (a database server, not ingest code),
 * reached through the real driver, and an embedded Solr core on Lakou's catalogue configset (the
 * same French analysis, offsets and spell field, no transaction log).
 * <p>
 * Protocol: a line with a thread count runs a pass and answers
 * {@code pass <files/s stored> <files/s searchable> <process CPU ns> <records>}.
 * Arguments: the file listing the corpus, a scratch folder, the configset folder, the write limit.
 */
public final class RawPipelineMain {

    static final String ANSWER = "pass ";
    /** Lakou's indexer commits 250 ms after the last write of a small batch (lakou.search.commit-linger). */
    private static final int COMMIT_WITHIN_MS = 250;
    /** Lakou's GridFS chunk size: the driver's 255 KiB default would make four times the documents. */
    private static final int CHUNK = 1 << 20;

    private final MongoServer server;
    private final MongoClient client;
    private final MongoCollection<Document> records;
    private final GridFSBucket bucket;
    private final CoreContainer container;
    private final EmbeddedSolrServer solr;
    private final RawParse parse;

    private RawPipelineMain(Path scratch, Path configs, int maxChars) throws Exception {
        server = new MongoServer(KeyOrderedH2Backend.open(scratch.resolve("raw.mv").toString(), 128));
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        MongoDatabase db = client.getDatabase("raw");
        records = db.getCollection("records");
        bucket = GridFSBuckets.create(db, "files").withChunkSizeBytes(CHUNK);
        container = CoreContainer.createAndLoad(solrHome(scratch.resolve("solr"), configs));
        solr = new EmbeddedSolrServer(container, "raw");
        parse = new RawParse(maxChars);
    }

    public static void main(String[] args) throws Exception {
        List<Path> files = Files.readAllLines(Path.of(args[0])).stream().map(Path::of).toList();
        RawPipelineMain raw = new RawPipelineMain(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        try {
            while ((line = in.readLine()) != null && !line.isBlank()) {
                raw.empty();
                long cpu0 = os.getProcessCpuTime();
                String figures = raw.pass(files, Integer.parseInt(line.trim()));
                System.out.println(ANSWER + figures.replace("CPU", Long.toString(os.getProcessCpuTime() - cpu0)));
                System.out.flush();
            }
        } finally {
            raw.close();
        }
    }

    /** Untimed: every pass stores and indexes every file anew. */
    private void empty() throws Exception {
        records.drop();
        bucket.drop();
        solr.deleteByQuery("*:*");
        solr.commit();
    }

    private String pass(List<Path> files, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger made = new AtomicInteger();
        try {
            long t0 = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (Path f : files) {
                done.add(pool.submit(() -> {
                    if (ingest(f)) {
                        made.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            long stored = System.nanoTime() - t0;
            while (solr.query(new SolrQuery("*:*").setRows(0)).getResults().getNumFound() < made.get()) {
                Thread.sleep(50);
            }
            long searchable = System.nanoTime() - t0;
            return files.size() / (stored / 1e9) + " " + files.size() / (searchable / 1e9) + " CPU " + made.get();
        } finally {
            pool.shutdownNow();
        }
    }

    /** One file; false when it made no record (unparseable, or bytes already stored). */
    private boolean ingest(Path f) throws Exception {
        String name = f.getFileName().toString();
        String sha = sha256(f);
        RawParse.Result parsed = parse.parse(f, name);
        try (InputStream in = Files.newInputStream(f)) {
            bucket.uploadFromStream(new BsonString(sha), sha, in, new GridFSUploadOptions()
                    .metadata(new Document("name", name).append("contentType", parsed.type())));
        } catch (MongoWriteException duplicate) {
            return false;
        }
        if (parsed.failed()) {
            return false;
        }
        Document record = parsed.record(sha, name, Files.size(f));
        records.insertOne(record);
        solr.add(parsed.solrDocument(sha, name), COMMIT_WITHIN_MS);
        return true;
    }

    private static String sha256(Path f) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(f)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                digest.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A Solr home with Lakou's solr.xml and catalogue configset, and one core without a transaction log. */
    private static Path solrHome(Path home, Path configs) throws Exception {
        Path conf = home.resolve("configsets/catalogue/conf");
        Files.createDirectories(conf.getParent());
        Files.copy(configs.resolve("solr.xml"), home.resolve("solr.xml"));
        try (var tree = Files.walk(configs.resolve("catalogue"))) {
            for (Path p : tree.toList()) {
                Path target = home.resolve("configsets/catalogue").resolve(configs.resolve("catalogue").relativize(p)
                        .toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path core = Files.createDirectories(home.resolve("raw"));
        Files.writeString(core.resolve("core.properties"),
                "name=raw\nconfigSet=catalogue\nlakou.solr.updateLog=false\n");
        return home;
    }

    private void close() throws Exception {
        solr.close();
        container.shutdown();
        client.close();
        server.shutdownNow();
    }
}
