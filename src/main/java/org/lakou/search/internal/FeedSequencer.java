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
import java.util.function.LongSupplier;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Numbers index writes for the change feed ({@link org.lakou.search.IndexFeed}). A seq is the
 * clock's epoch millisecond when the document is taken, never below the last one handed out:
 * never ahead of the clock however fast the indexing (several documents share a millisecond; the
 * feed breaks ties by id), and never decreasing, so a reader's keyset cursor only moves forward.
 *
 * <p>Datestamps are not set ahead to cover the commit. Instead a batch is announced before it is
 * numbered (in memory for readers on this node, in MongoDB through {@link FeedInFlight} for the
 * others), and a reader waits until nothing numbered below its upper bound is still in flight.
 * Only the indexer lease holder writes, so one counter per node suffices; it starts at the largest
 * seq in the index.
 */
@Component
class FeedSequencer {

    static final String SEQ = SolrIndexFeed.SEQ;
    /**
     * Fields that change without the indexed content changing. The first-publication date and the
     * document shape revision too: a record gets its date when its status turns published (which
     * changes the fingerprint anyway), and re-indexing for a new shape must not move every record's
     * OAI datestamp, or harvesters would fetch the whole catalogue again.
     */
    private static final Set<String> VOLATILE = Set.of("version", "modified", SEQ, "_version_",
            RecordDocuments.PUBLISHED, RecordDocuments.DOC_REV);

    private final LongSupplier largestInIndex;
    private final FeedInFlight marker;
    private final Clock clock;
    private long last = -1;
    /** The smallest seq a batch not yet committed may carry; MAX_VALUE when none is in flight. */
    private long inFlightFrom = Long.MAX_VALUE;

    @Autowired
    FeedSequencer(SolrConnection solr, FeedInFlight marker, Clock clock) {
        this(() -> largestInIndex(solr), marker, clock);
    }

    FeedSequencer(LongSupplier largestInIndex, FeedInFlight marker, Clock clock) {
        this.largestInIndex = largestInIndex;
        this.marker = marker;
        this.clock = clock;
    }

    /**
     * Announces a batch before its first document is numbered: every seq until the commit is at
     * least the returned floor. The marker is written before any seq is handed out, so a reader
     * on another node that did not see it read before these seqs existed, and they are above its
     * bound.
     */
    void beginBatch() {
        long floor;
        synchronized (this) {
            if (last < 0) {
                last = largestInIndex.getAsLong();
            }
            floor = Math.max(clock.millis(), last);
            last = floor;
            inFlightFrom = Math.min(inFlightFrom, floor);
        }
        if (marker != null) {
            marker.begin(floor);
        }
    }

    /** The next seq; only between {@link #beginBatch()} and its commit or abandonment. */
    synchronized long next() {
        if (inFlightFrom == Long.MAX_VALUE) {
            throw new IllegalStateException("next() outside a batch");
        }
        last = Math.max(clock.millis(), last);
        return last;
    }

    /**
     * Waits until no batch of this node numbered below {@code seq} is in flight.
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
        finished();
    }

    /** The batch is committed: its documents are visible. */
    void committed() {
        finished();
    }

    private void finished() {
        synchronized (this) {
            inFlightFrom = Long.MAX_VALUE;
            notifyAll();
        }
        if (marker != null) {
            marker.end();
        }
    }

    private static long largestInIndex(SolrConnection solr) {
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
