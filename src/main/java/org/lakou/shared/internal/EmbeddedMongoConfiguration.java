package org.lakou.shared.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import org.lakou.shared.StorageProperties;
import org.lakou.shared.internal.h2.KeyOrderedH2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The single-machine default: a MongoDB wire-protocol server in this JVM, on an H2 file under the
 * data directory, reached through the real driver. Exposing it as {@link MongoConnectionDetails}
 * lets Boot build its usual client after the server is up.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMongoCondition.class)
class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    /** Closed by the server's shutdown, not by Spring (no inferred close). */
    @Bean(destroyMethod = "")
    KeyOrderedH2Backend embeddedMongoBackend(StorageProperties storage) {
        Path dir = storage.resolve("mongo");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
        return KeyOrderedH2Backend.open(dir.resolve("lakou.mv").toString(), storage.embeddedCacheMb());
    }

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(KeyOrderedH2Backend backend, StorageProperties storage) {
        Path dir = storage.resolve("mongo");
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        log.info("Embedded MongoDB (mongo-java-server, H2 file {}) on port {}", dir, server.getLocalAddress().getPort());
        return server;
    }

    @Bean("embedded-mongo-store")
    EmbeddedStoreHealthIndicator embeddedStoreHealth(KeyOrderedH2Backend backend) {
        return new EmbeddedStoreHealthIndicator(backend);
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer server, StorageProperties storage) {
        InetSocketAddress address = server.getLocalAddress();
        var uri = new ConnectionString("mongodb://127.0.0.1:" + address.getPort() + "/" + storage.database());
        return () -> uri;
    }
}
