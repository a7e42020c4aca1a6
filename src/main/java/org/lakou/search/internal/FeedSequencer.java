package org.lakou.search.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.lakou.search.SearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Numbers index writes for the change feed ({@link org.lakou.search.IndexFeed}). A seq is the
 * epoch millisecond {@code feedDelay} ahead of now, bumped past the last one handed out, so seqs
 * are unique and strictly increasing, and a document becomes visible (its batch committed) before
 * the clock reaches its seq: a harvester that resumes from its last responseDate never misses it.
 * Only the indexer lease holder writes, so one counter per node suffices; it starts above the
 * largest seq in the index.
 */
@Component
class FeedSequencer {

    static final String SEQ = SolrIndexFeed.SEQ;
    private static final Logger log = LoggerFactory.getLogger(FeedSequencer.class);
    /** Fields that change without the indexed content changing. */
    private static final Set<String> VOLATILE = Set.of("version", "modified", SEQ, "_version_");

    private final SolrConnection solr;
    private final SearchProperties props;
    private final Clock clock;
    private long last = -1;
    /** Widened when commits are slower than the configured delay (bulk indexing), then eased back. */
    private volatile long extraDelayMillis;
    /** The smallest seq handed out to a batch not yet committed; MAX_VALUE when none is. */
    private long inFlightFrom = Long.MAX_VALUE;

    FeedSequencer(SolrConnection solr, SearchProperties props, Clock clock) {
        this.solr = solr;
        this.props = props;
        this.clock = clock;
    }

    synchronized long next() {
        if (last < 0) {
            last = largestInIndex();
        }
        last = Math.max(clock.millis() + props.feedDelay().toMillis() + extraDelayMillis, last + 1);
        inFlightFrom = Math.min(inFlightFrom, last);
        return last;
    }

    /**
     * Waits until every seq below {@code seq} that was handed out is committed. The delay alone
     * keeps the no-miss promise only while commits are faster than it; a reader that waits here
     * keeps it on this node however slow the commit (the indexer runs on the lease holder, which
     * is this node in single-node mode).
     *
     * @return false when the wait timed out
     */
    synchronized boolean awaitCommittedBelow(long seq, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlightFrom < seq) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The batch failed before its commit: it will be sent again with new seqs. */
    void abandoned() {
        abandonedOrCommitted();
    }

    /**
     * After a commit. A batch that became visible after its datestamps had passed is reported, and
     * the next datestamps are set further ahead (twice the overrun, at most a minute), so a long
     * bulk indexing keeps the guarantee after its first slow batch; quick commits ease it back.
     */
    void committed(long smallestNewSeq) {
        abandonedOrCommitted();
        if (smallestNewSeq <= 0) {
            return;
        }
        long late = clock.millis() - smallestNewSeq;
        if (late > 0) {
            extraDelayMillis = Math.min(60_000, Math.max(extraDelayMillis, 2 * late));
            log.warn("An index commit finished {} ms after the datestamps it assigned; datestamps now go {} ms further"
                    + " ahead (lakou.oai.datestamp-delay sets the base)", late, extraDelayMillis);
        } else {
            extraDelayMillis = extraDelayMillis * 9 / 10;
        }
    }

    private synchronized void abandonedOrCommitted() {
        inFlightFrom = Long.MAX_VALUE;
        notifyAll();
    }

    private long largestInIndex() {
        try {
            var r = solr.client().query(solr.collection(), new SolrQuery("*:*").addFilterQuery(SEQ + ":[* TO *]")
                    .setSort(SEQ, SolrQuery.ORDER.desc).setRows(1).setFields(SEQ));
            return r.getResults().isEmpty() ? 0 : ((Number) r.getResults().get(0).getFieldValue(SEQ)).longValue();
        } catch (SolrServerException | IOException | SolrException e) {
            throw new SolrUnavailableException("Solr query failed", e);
        }
    }

    /** A digest of what was indexed, volatile fields left out. */
    static String fingerprint(SolrInputDocument d) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String name : new TreeSet<>(d.getFieldNames())) {
                if (VOLATILE.contains(name)) {
                    continue;
                }
                md.update(name.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                Collection<Object> values = d.getFieldValues(name);
                if (values != null) {
                    for (Object v : values) {
                        md.update(String.valueOf(v).getBytes(StandardCharsets.UTF_8));
                        md.update((byte) 1);
                    }
                }
                md.update((byte) 2);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(md.digest()).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
