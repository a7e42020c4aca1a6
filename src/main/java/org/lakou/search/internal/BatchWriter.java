package org.lakou.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.IndexSource;
import org.lakou.catalogue.IndexStamp;
import org.lakou.catalogue.IndexWork;
import org.lakou.catalogue.Indexed;
import org.lakou.catalogue.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes one batch of outbox entries to Solr: load, map, add, commit, and only then acknowledge,
 * each record at the version that was actually sent. Full texts can be large, so documents go
 * out in chunks bounded by characters rather than all at once. The batch is announced to the change
 * feed ({@link FeedSequencer}) before anything is sent, and each document gets its seq just before
 * it is sent. Reading and mapping ({@link #prepare}) is apart from sending ({@link #send}), so the
 * next batch can be read while Solr indexes this one.
 */
@Component
class BatchWriter {

    private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);
    private static final long MAX_CHUNK_CHARS = 8_000_000;
    private static final int BAD_REQUEST = 400;

    private final CatalogueApi catalogue;
    private final SolrConnection solr;
    private final RecordDocuments documents;
    private final FeedSequencer sequencer;

    BatchWriter(CatalogueApi catalogue, SolrConnection solr, RecordDocuments documents, FeedSequencer sequencer) {
        this.catalogue = catalogue;
        this.solr = solr;
        this.documents = documents;
        this.sequencer = sequencer;
    }

    /** @return how many records were sent; @throws SolrUnavailableException with the queue untouched */
    int write(List<IndexWork> work) {
        return send(prepare(work));
    }

    /**
     * Reads the batch's records and texts and builds their documents, without numbering or sending
     * them. It touches neither Solr nor the feed, so it may run on another thread while the previous
     * batch is being sent (see {@link BatchPrefetcher}), as long as the two batches share no record.
     */
    Prepared prepare(List<IndexWork> work) {
        Map<String, IndexSource> sources = new HashMap<>();
        catalogue.indexSources(work.stream().map(IndexWork::recordId).toList())
                .forEach(s -> sources.put(s.record().id(), s));
        documents.prepare(sources.values().stream().map(IndexSource::record).toList());
        List<Pending> pending = new ArrayList<>(sources.size());
        List<Indexed> gone = new ArrayList<>();
        for (IndexWork w : work) {
            IndexSource source = sources.get(w.recordId());
            if (source == null) {
                // a record that no longer exists at all has nothing to index; only its entry remains
                gone.add(new Indexed(w.recordId(), w.version(), null));
                continue;
            }
            SolrInputDocument d = documents.toDocument(source.record(), source.text(), source.firstPublished());
            pending.add(new Pending(source.record(), d, FeedSequencer.fingerprint(d), source.stamp(),
                    source.text().length()));
        }
        return new Prepared(List.copyOf(work), pending, gone);
    }

    /** Numbers, adds and commits a prepared batch, then acknowledges it; @return how many records were sent. */
    int send(Prepared batch) {
        try {
            return sendPrepared(batch);
        } catch (RuntimeException e) {
            sequencer.abandoned();
            throw e;
        }
    }

    private int sendPrepared(Prepared batch) {
        sequencer.beginBatch();
        List<Pending> chunk = new ArrayList<>();
        long chunkChars = 0;
        for (Pending p : batch.pending) {
            chunk.add(p);
            chunkChars += p.textLength + 1_000;
            if (chunkChars >= MAX_CHUNK_CHARS) {
                add(chunk);
                chunk = new ArrayList<>();
                chunkChars = 0;
            }
        }
        add(chunk);
        commit();
        sequencer.committed();
        List<Indexed> done = new ArrayList<>(batch.gone);
        batch.pending.forEach(p -> done.add(new Indexed(p.record.id(), p.record.version(),
                new IndexStamp(p.seq, p.fingerprint))));
        catalogue.markIndexed(done);
        return batch.pending.size();
    }

    /** A batch read and mapped, ready to send: its outbox entries, its documents, and the ids with no record. */
    static final class Prepared {
        private final List<IndexWork> work;
        private final List<Pending> pending;
        private final List<Indexed> gone;

        private Prepared(List<IndexWork> work, List<Pending> pending, List<Indexed> gone) {
            this.work = work;
            this.pending = pending;
            this.gone = gone;
        }

        List<IndexWork> work() {
            return work;
        }
    }

    /**
     * A record on its way to Solr. Its feed seq is taken just before sending, and kept from the
     * last indexing when the indexed content did not change (a copy going out on loan, a reindex).
     */
    private static final class Pending {
        final Record record;
        final SolrInputDocument doc;
        final String fingerprint;
        final IndexStamp previous;
        final int textLength;
        long seq;
        boolean fresh;

        Pending(Record record, SolrInputDocument doc, String fingerprint, IndexStamp previous, int textLength) {
            this.record = record;
            this.doc = doc;
            this.fingerprint = fingerprint;
            this.previous = previous;
            this.textLength = textLength;
        }
    }

    private void add(List<Pending> chunk) {
        for (Pending p : chunk) {
            p.fresh = p.previous == null || !p.fingerprint.equals(p.previous.fingerprint());
            p.seq = p.fresh ? sequencer.next() : p.previous.seq();
            p.doc.setField(FeedSequencer.SEQ, p.seq);
        }
        addDocuments(chunk.stream().map(p -> p.doc).toList());
    }

    boolean isIndexEmpty() {
        try {
            return solr.client().query(solr.collection(), new SolrQuery("*:*").setRows(0))
                    .getResults().getNumFound() == 0;
        } catch (SolrServerException | IOException | SolrException e) {
            throw new SolrUnavailableException("Solr query failed", e);
        }
    }

    private void addDocuments(List<SolrInputDocument> docs) {
        if (docs.isEmpty()) {
            return;
        }
        try {
            solr.client().add(solr.collection(), docs);
        } catch (SolrException e) {
            if (!isBadRequest(e)) {
                throw new SolrUnavailableException("Solr update failed", e);
            }
            addOneByOne(docs);
        } catch (SolrServerException | IOException e) {
            throw new SolrUnavailableException("Solr unreachable", e);
        }
    }

    /**
     * A document Solr rejects as malformed would block the queue for ever if retried, so it is
     * logged and skipped; editing or re-indexing the record queues it again. When every document
     * is rejected the fault is the schema or the server, not the data: the batch is retried later
     * rather than acknowledged, so nothing is dropped silently.
     */
    private void addOneByOne(List<SolrInputDocument> docs) {
        Set<String> rejected = new HashSet<>();
        for (SolrInputDocument d : docs) {
            try {
                solr.client().add(solr.collection(), d);
            } catch (SolrException e) {
                if (!isBadRequest(e)) {
                    throw new SolrUnavailableException("Solr update failed", e);
                }
                rejected.add(String.valueOf(d.getFieldValue("id")));
                log.error("Solr rejected record {}: {}", d.getFieldValue("id"), SolrUnavailableException.describe(e));
            } catch (SolrServerException | IOException e) {
                throw new SolrUnavailableException("Solr unreachable", e);
            }
        }
        if (rejected.size() == docs.size()) {
            throw new SolrUnavailableException("Solr rejected every document of the batch",
                    new IllegalStateException("check that Solr runs Lakou's catalogue configset"));
        }
        log.warn("{} of {} documents rejected by Solr in this batch: {}", rejected.size(), docs.size(), rejected);
    }

    /** A hard commit: the outbox entries are deleted right after, so the documents must be durable. */
    private void commit() {
        try {
            solr.client().commit(solr.collection(), true, true);
        } catch (SolrServerException | IOException | SolrException e) {
            throw new SolrUnavailableException("Solr commit failed", e);
        }
    }

    private static boolean isBadRequest(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SolrException se && se.code() == BAD_REQUEST) {
                return true;
            }
        }
        return false;
    }
}
