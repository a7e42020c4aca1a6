package org.lakou.shared;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Lakou keeps its data. In {@code embedded} mode an in-process MongoDB wire server stores
 * its H2 file under {@code dataDir/mongo}; {@code external} uses {@code spring.mongodb.uri}.
 */
@Validated
@ConfigurationProperties("lakou.storage")
public record StorageProperties(
        @NotNull @DefaultValue("embedded") Mode mode,
        @NotNull @DefaultValue("./data") Path dataDir,
        @DefaultValue("lakou") String database,
        /** Page cache of the embedded store; H2's 16 MB default made a 2,000-record catalogue re-read pages from disk. */
        @Min(4) @DefaultValue("128") int embeddedCacheMb,
        /**
         * How long a request waits for MongoDB before it fails with a 503: the driver's server
         * selection and connect timeouts (its defaults, 30 s and 10 s, held requests and threads
         * far past any client's patience when the database was down).
         */
        @NotNull @DefaultValue("5s") Duration mongoTimeout,
        /** A reply that never comes; long enough for the embedded store's full scans. */
        @NotNull @DefaultValue("60s") Duration mongoReadTimeout) {

    public enum Mode { EMBEDDED, EXTERNAL }

    public Path resolve(String child) {
        return dataDir.resolve(child).toAbsolutePath().normalize();
    }
}
