package org.lakou.search;

import java.time.Duration;

import org.lakou.shared.Viewer;

/**
 * Searching the catalogue and looking after its index. The index is derived data: it can always
 * be rebuilt from MongoDB with {@link #reindex()}.
 */
public interface SearchApi {

    /**
     * Searches as {@code viewer}: the files' text is matched and highlighted only where the viewer
     * may read the files (anonymous: public files; members: also {@code members} files; staff: all),
     * and staff also find staff-only records. Metadata of the records a viewer sees is searched
     * for everyone.
     *
     * @throws org.lakou.shared.ApiException 400 for an invalid query, 503 when Solr cannot answer
     */
    SearchResult search(SearchQuery query, Viewer viewer);

    /** As an anonymous reader: the safe default for callers that act for no one in particular. */
    default SearchResult search(SearchQuery query) {
        return search(query, Viewer.ANONYMOUS);
    }

    /**
     * The published records most like {@code recordId} (MoreLikeThis over the text this viewer may
     * read and the subjects), at most {@code limit}, most similar first, only those the viewer may
     * see; highlights are empty.
     *
     * @throws org.lakou.catalogue.RecordNotFoundException when the record is absent or hidden from the viewer
     */
    java.util.List<SearchHit> similar(String recordId, Viewer viewer, int limit);

    /** Queues every record, tombstones included; the background indexer does the work. */
    int reindex();

    /**
     * Deletes every record from the index; MongoDB is untouched. For a restore, whose catalogue may
     * lack records the index still holds: the indexer's start-up repair then re-queues them all.
     * Throws when Solr cannot answer.
     */
    void clearIndex();

    IndexStatus indexStatus();

    /**
     * Waits until the outbox is empty, i.e. every change made before the call is searchable.
     * For the CLI (reindex then exit), imports and tests; never call it on a request path.
     *
     * @return false when the timeout passed first
     */
    boolean awaitIndexed(Duration timeout);
}
