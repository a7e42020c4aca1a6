package org.lakou.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The index as a change feed, for harvest protocols (OAI-PMH). Every indexed document carries
 * {@code seq}: unique, strictly increasing across index writes, the epoch millisecond of the
 * document's datestamp (set slightly after the index commit that made it visible, bumped by 1 ms
 * when taken), kept unchanged when a record is re-indexed with the same indexed content. Pages are
 * keyset pages on seq, so the cost is the same at any depth and a change moves a document to the
 * end of the feed instead of shifting the others. Filters are exact values of stored string fields
 * ({@code field -> any of these values}), typically fields an {@link IndexFieldContributor} added.
 *
 * @throws org.lakou.shared.ApiException 503 from every method when Solr cannot answer
 */
public interface IndexFeed {

    FeedPage page(FeedQuery query);

    /** One document by record id, with these stored fields, if it matches the filters. */
    Optional<FeedDocument> document(String id, Map<String, Collection<String>> filters, Collection<String> fields);

    /** The smallest seq among documents matching the filters. */
    OptionalLong firstSeq(Map<String, Collection<String>> filters);

    /** The values of a string field among documents matching the filters, most frequent first. */
    List<FacetValue> values(String field, Map<String, Collection<String>> filters, int limit);

    /**
     * @param afterSeq exclusive lower bound
     * @param untilSeq exclusive upper bound
     * @param fields stored fields to return besides id, seq and deleted
     */
    record FeedQuery(long afterSeq, long untilSeq, Map<String, Collection<String>> filters, int size,
            Collection<String> fields) {

        public FeedQuery {
            filters = Map.copyOf(filters);
            fields = List.copyOf(fields);
        }
    }

    /** {@code numFound} counts every match, this page included. */
    record FeedPage(List<FeedDocument> documents, long numFound) {
    }

    /** Multi-valued fields come as lists, others as their single value. */
    record FeedDocument(String id, long seq, boolean deleted, Map<String, Object> fields) {
    }
}
