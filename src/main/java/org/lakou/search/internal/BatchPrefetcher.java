package org.lakou.search.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.lakou.catalogue.IndexWork;

/**
 * Reads and maps the next outbox batch on a thread of its own while the indexer thread sends the
 * current one to Solr. On two cores the MongoDB reads, the BSON decoding, the OAI rendering and the
 * fingerprints then overlap with Solr's analysis and commit instead of following them. At most one
 * batch is read ahead, so a reindex of any size holds two batches in memory. The batch read ahead
 * leaves out the records of the batch being sent: their entries stay in the outbox until that batch
 * is acknowledged, and a record must never be in two batches at once (its stamp and seq would race).
 */
final class BatchPrefetcher implements AutoCloseable {

    /** The outbox's first entries, as many as asked. */
    private final IntFunction<List<IndexWork>> queue;
    private final BatchWriter writer;
    private final int batchSize;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lakou-search-prefetch");
        t.setDaemon(true);
        return t;
    });

    BatchPrefetcher(IntFunction<List<IndexWork>> queue, BatchWriter writer, int batchSize) {
        this.queue = queue;
        this.writer = writer;
        this.batchSize = batchSize;
    }

    /** Starts reading the batch after {@code sending}, which is not acknowledged yet. */
    Future<BatchWriter.Prepared> after(BatchWriter.Prepared sending) {
        Set<String> inFlight = sending.work().stream().map(IndexWork::recordId).collect(Collectors.toSet());
        return executor.submit(() -> writer.prepare(pending(inFlight)));
    }

    /** The outbox's next entries, those of the batch in flight left out. */
    List<IndexWork> pending(Set<String> inFlight) {
        return queue.apply(batchSize + inFlight.size()).stream()
                .filter(w -> !inFlight.contains(w.recordId())).limit(batchSize).toList();
    }

    /** The batch read ahead; its failure is the indexer's, so the loop backs off as for any other. */
    static BatchWriter.Prepared await(Future<BatchWriter.Prepared> ahead) {
        try {
            return ahead.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the next batch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Lets a batch read ahead finish and drops it, after the batch in flight failed or the lease
     * was lost: its entries are still queued, so the next drain reads them again.
     */
    static void discard(Future<BatchWriter.Prepared> ahead) {
        if (ahead == null) {
            return;
        }
        try {
            ahead.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
            // nothing was sent from it; the failure shows again when the entries are read next time
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
