package org.lakou.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.lakou.LakouApplication;
import org.lakou.MutableClock;
import org.lakou.TestHttp;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What two Lakou nodes share: one MongoDB wire server, one SolrCloud (MiniSolrCloudCluster with its
 * ZooKeeper) and one clock the test can move, and what each has alone: its context, port and scratch
 * folder. Each node is a full Spring Boot application, as {@code java -jar} would start it.
 */
final class TwoNodes implements AutoCloseable {

    static final String ADMIN = "admin@deux-noeuds.test";
    static final String PASSWORD = "two nodes admin password";
    static final String COLLECTION = "lakou_two";

    final MutableClock clock = new MutableClock();
    private final Path dir;
    private final MongoServer mongo = new MongoServer(new MemoryBackend());
    private final MiniSolrCloudCluster solr;
    private final int smtpPort;
    final ConfigurableApplicationContext a;
    final ConfigurableApplicationContext b;

    TwoNodes(int smtpPort) throws Exception {
        this.smtpPort = smtpPort;
        System.setProperty("zookeeper.4lw.commands.whitelist", "*");
        Files.createDirectories(Path.of("target"));
        this.dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "two-nodes-");
        mongo.bind("127.0.0.1", 0);
        solr = new MiniSolrCloudCluster.Builder(1, dir.resolve("solr"))
                .addConfig("catalogue", Path.of("solr-config/catalogue/conf").toAbsolutePath()).build();
        CollectionAdminRequest.createCollection(COLLECTION, "catalogue", 1, 1).process(solr.getSolrClient());
        solr.waitForActiveCollection(COLLECTION, 1, 1);
        a = start("a");
        b = start("b");
    }

    private ConfigurableApplicationContext start(String name) {
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", 0);
        p.put("lakou.storage.mode", "external");
        p.put("spring.mongodb.uri", "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/lakou");
        p.put("lakou.storage.data-dir", dir.resolve(name).toString());
        p.put("lakou.search.mode", "cloud");
        p.put("lakou.search.zk-hosts", solr.getZkServer().getZkHost());
        p.put("lakou.search.zk-chroot", "/solr");
        p.put("lakou.search.collection", COLLECTION);
        p.put("lakou.search.poll-interval", "1s");
        p.put("spring.mail.host", "127.0.0.1");
        p.put("spring.mail.port", smtpPort);
        p.put("lakou.members.admin-email", ADMIN);
        p.put("lakou.members.admin-password", PASSWORD);
        p.put("lakou.members.bcrypt-strength", 4);
        // the test runs the jobs itself, on both nodes at once; the schedules stay out of its way
        p.put("lakou.circulation.notice-interval", "1h");
        p.put("lakou.alerts.interval", "1h");
        p.put("lakou.oai.harvest.scheduler-tick", "1h");
        // as command-line arguments: default properties would lose to application.yaml (server.port 8080)
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(LakouApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
                .run(args);
    }

    static TestHttp admin(ConfigurableApplicationContext node) {
        return http(node).as(ADMIN, PASSWORD);
    }

    static TestHttp http(ConfigurableApplicationContext node) {
        return new TestHttp(url(node));
    }

    static String url(ConfigurableApplicationContext node) {
        return "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() throws Exception {
        b.close();
        a.close();
        solr.shutdown();
        mongo.shutdownNow();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
