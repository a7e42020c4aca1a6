package org.lakou.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedSolrHomeTest {

    /**
     * A home laid out by an older Lakou had a catalogue core with a transaction log: the new
     * property reaches its core.properties and the stale log goes, the concepts core keeps its own.
     */
    @Test
    void anExistingHomeLosesTheCatalogueTransactionLog(@TempDir Path home) throws IOException {
        Path oldLog = home.resolve("catalogue/data/tlog/tlog.0000000000000000007");
        Path conceptsLog = home.resolve("concepts/data/tlog/tlog.0000000000000000003");
        for (Path p : new Path[] {oldLog, conceptsLog}) {
            Files.createDirectories(p.getParent());
            Files.writeString(p, "old updates");
        }
        Files.writeString(home.resolve("catalogue/core.properties"), "name=catalogue\nconfigSet=catalogue\n");

        EmbeddedSolrHome.prepare(home, "catalogue", "concepts");

        assertThat(home.resolve("catalogue/core.properties")).content()
                .contains("configSet=catalogue").contains("lakou.solr.updateLog=false");
        assertThat(home.resolve("catalogue/data/tlog")).doesNotExist();
        assertThat(home.resolve("catalogue/data")).isDirectory();
        assertThat(home.resolve("concepts/core.properties")).content().doesNotContain("updateLog");
        assertThat(conceptsLog).exists();
        assertThat(home.resolve("configsets/catalogue/conf/solrconfig.xml")).content()
                .contains("${lakou.solr.updateLog:true}");
    }
}
