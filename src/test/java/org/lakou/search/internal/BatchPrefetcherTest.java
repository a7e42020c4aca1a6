package org.lakou.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.lakou.catalogue.IndexWork;

/** What the drain reads ahead while a batch is in flight: never one of that batch's records. */
class BatchPrefetcherTest {

    private final List<IndexWork> queue = new ArrayList<>(IntStream.range(0, 10)
            .mapToObj(i -> new IndexWork("r" + i, 1)).toList());
    private final List<Integer> asked = new ArrayList<>();

    private BatchPrefetcher prefetcher(int batchSize) {
        return new BatchPrefetcher(limit -> {
            asked.add(limit);
            return queue.stream().limit(limit).toList();
        }, null, batchSize);
    }

    @Test
    void theNextBatchSkipsTheRecordsOfTheBatchInFlightAndIsStillFull() {
        try (BatchPrefetcher p = prefetcher(3)) {
            assertThat(p.pending(Set.of("r0", "r1", "r2"))).extracting(IndexWork::recordId)
                    .containsExactly("r3", "r4", "r5");
            // the batch in flight is still queued at the head: it reads past it
            assertThat(asked).containsExactly(6);
        }
    }

    @Test
    void anEditQueuedAgainDuringTheBatchWaitsForItsAcknowledgement() {
        // r1 was edited while its batch is in flight: its newer entry is not read ahead, it stays queued
        queue.set(1, new IndexWork("r1", 2));
        try (BatchPrefetcher p = prefetcher(4)) {
            assertThat(p.pending(Set.of("r1", "r7"))).extracting(IndexWork::recordId)
                    .containsExactly("r0", "r2", "r3", "r4");
        }
    }

    @Test
    void aFailureReadingAheadIsTheIndexersOwnAndADiscardedBatchIsDropped() {
        CompletableFuture<BatchWriter.Prepared> failed = CompletableFuture.failedFuture(
                new SolrUnavailableException("Mongo down", new IllegalStateException("x")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BatchPrefetcher.await(failed))
                .isInstanceOf(SolrUnavailableException.class);
        BatchPrefetcher.discard(failed);
        BatchPrefetcher.discard(null);
    }
}
