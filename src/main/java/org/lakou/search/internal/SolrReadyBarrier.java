package org.lakou.search.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The point where start-up waits for the embedded Solr node that {@link SolrConfiguration} loads
 * in the background: after every bean is built, before the web server opens its port and before
 * any runner or ready-event listener. What held before still holds: a started application has
 * its index, and a core that cannot load fails the start.
 */
@Component
class SolrReadyBarrier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SolrReadyBarrier.class);

    private final SolrConnection solr;
    private volatile boolean running;

    SolrReadyBarrier(SolrConnection solr) {
        this.solr = solr;
    }

    @Override
    public void start() {
        long start = System.nanoTime();
        boolean waited = !solr.loaded();
        try {
            solr.awaitLoaded();
        } catch (SolrUnavailableException e) {
            throw new IllegalStateException(e.getMessage(), e.getCause());
        }
        if (waited) {
            log.info("Start-up waited {} ms for the embedded Solr node", (System.nanoTime() - start) / 1_000_000);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server's phase: the port opens on a loaded index. */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1024;
    }
}
