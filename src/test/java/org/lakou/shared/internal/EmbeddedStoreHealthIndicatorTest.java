package org.lakou.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.h2.mvstore.DataUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.shared.internal.h2.KeyOrderedH2Backend;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class EmbeddedStoreHealthIndicatorTest {

    @TempDir
    Path dir;

    @Test
    void aStoreThatH2ClosedAfterAFailedWriteIsDownWithTheReason() {
        KeyOrderedH2Backend backend = KeyOrderedH2Backend.open(dir.resolve("h.mv").toString(), 8);
        EmbeddedStoreHealthIndicator indicator = new EmbeddedStoreHealthIndicator(backend);
        assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);

        // what H2 does when its background writer fails: it panics, which closes the store (and rethrows)
        assertThatThrownBy(() -> backend.getMvStore().panic(DataUtils.newMVStoreException(DataUtils.ERROR_INTERNAL,
                "java.util.ConcurrentModificationException while writing a page")))
                .hasMessageContaining("ConcurrentModificationException");

        Health health = indicator.health(true);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("store")).isEqualTo("closed");
        assertThat((String) health.getDetails().get("reason")).contains("ConcurrentModificationException");
        // no close: H2 2.4's close of a panicked store spins in closeStore; the temporary file goes anyway
    }
}
