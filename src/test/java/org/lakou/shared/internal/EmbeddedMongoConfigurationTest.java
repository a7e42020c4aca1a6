package org.lakou.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.shared.StorageProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The one switch between the embedded default and a real MongoDB. */
class EmbeddedMongoConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StorageProperties.class)
    static class Props {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Props.class, EmbeddedMongoConfiguration.class);

    @Test
    void embeddedByDefaultWithItsFileUnderTheDataDir(@TempDir Path dir) {
        runner.withPropertyValues("lakou.storage.data-dir=" + dir).run(ctx -> {
            assertThat(ctx).hasSingleBean(MongoServer.class);
            String uri = ctx.getBean(MongoConnectionDetails.class).getConnectionString().getConnectionString();
            assertThat(uri).startsWith("mongodb://127.0.0.1:").endsWith("/lakou");
            assertThat(dir.resolve("mongo/lakou.mv")).exists();
        });
    }

    @Test
    void aMongoUriDisablesTheEmbeddedServer(@TempDir Path dir) {
        runner.withPropertyValues("lakou.storage.data-dir=" + dir,
                "spring.mongodb.uri=mongodb://db1:27017,db2:27017/lakou?replicaSet=rs0").run(ctx -> {
                    assertThat(ctx).doesNotHaveBean(MongoServer.class);
                    assertThat(ctx).doesNotHaveBean(MongoConnectionDetails.class);
                });
    }

    @Test
    void externalModeDisablesTheEmbeddedServer(@TempDir Path dir) {
        runner.withPropertyValues("lakou.storage.data-dir=" + dir, "lakou.storage.mode=external")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(MongoServer.class));
    }
}
