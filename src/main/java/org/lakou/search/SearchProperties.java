package org.lakou.search;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.lakou.shared.StorageProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the index lives. {@code embedded} runs Solr inside Lakou on {@code solrHome} (default
 * {@code <lakou.storage.data-dir>/solr}); {@code http} talks to one Solr at {@code solrUrl}
 * (e.g. {@code http://solr:8983/solr}); {@code cloud} finds SolrCloud through ZooKeeper.
 * {@code conceptsCollection} holds the thesaurus concepts the subject Tagger looks for; in
 * embedded mode it is a second core of the same CoreContainer.
 */
@Validated
@ConfigurationProperties("lakou.search")
public record SearchProperties(
        @NotNull @DefaultValue("embedded") Mode mode,
        String solrUrl,
        @DefaultValue List<String> zkHosts,
        String zkChroot,
        @NotBlank @DefaultValue("catalogue") String collection,
        @NotBlank @DefaultValue("concepts") String conceptsCollection,
        Path solrHome,
        @Min(1) @Max(10_000) @DefaultValue("200") int batchSize,
        @NotNull @DefaultValue("2s") Duration pollInterval,
        /** How long changes may gather after a small batch before the next commit. */
        @NotNull @DefaultValue("250ms") Duration commitLinger,
        @NotNull @DefaultValue("6h") Duration reconcileInterval,
        /** The health component {@code indexing} says {@code behind} once an outbox entry waited this long. */
        @NotNull @DefaultValue("30s") Duration behindAfter) {

    public enum Mode { EMBEDDED, HTTP, CLOUD }

    public Path solrHomeOr(StorageProperties storage) {
        return solrHome != null ? solrHome.toAbsolutePath().normalize() : storage.resolve("solr");
    }

    @AssertTrue(message = "lakou.search.solr-url is required in http mode")
    public boolean isSolrUrlSetForHttp() {
        return mode != Mode.HTTP || (solrUrl != null && !solrUrl.isBlank());
    }

    @AssertTrue(message = "lakou.search.zk-hosts is required in cloud mode")
    public boolean isZkHostsSetForCloud() {
        return mode != Mode.CLOUD || (zkHosts != null && !zkHosts.isEmpty());
    }

    @AssertTrue(message = "lakou.search.poll-interval must be positive")
    public boolean isPollIntervalPositive() {
        return pollInterval == null || !pollInterval.isNegative() && !pollInterval.isZero();
    }
}
