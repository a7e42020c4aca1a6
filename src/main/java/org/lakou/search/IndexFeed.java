package org.lakou.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The index as a change feed, for harvest protocols (OAI-PMH). Every indexed document carries
 * {@code seq}: the epoch millisecond at which the indexer took it, never later than the indexer's
 * clock and never smaller than an earlier write's (several documents may share one), kept
 * unchanged when a record is re-indexed with the same indexed content. The feed is ordered by
 * {@code (seq, id)}; pages are keyset pages on that pair, so the cost is the same at any depth and
 * a change moves a document to the end of the feed instead of shifting the others. A page waits
 * until every write numbered below its upper bound is committed (on any node), so a reader that
 * stops at "now" never sees a later commit land behind it. Filters are exact values of stored
 * string fields ({@code field -> any of these values}), typically fields an
 * {@link IndexFieldContributor} added.
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
     * Documents after {@code (afterSeq, afterId)} in feed order and with {@code seq < untilSeq}.
     *
     * @param afterSeq lower bound on seq: exclusive when {@code afterId} is null, else the seq of
     *        the last document delivered, whose id is {@code afterId}
     * @param afterId the id of the last document delivered, or null
     * @param untilSeq exclusive upper bound
     * @param fields stored fields to return besides id, seq and deleted
     */
    record FeedQuery(long afterSeq, String afterId, long untilSeq, Map<String, Collection<String>> filters,
            int size, Collection<String> fields) {

        public FeedQuery {
            filters = Map.copyOf(filters);
            fields = List.copyOf(fields);
        }

        /** Everything with {@code afterSeq < seq < untilSeq}. */
        public FeedQuery(long afterSeq, long untilSeq, Map<String, Collection<String>> filters, int size,
                Collection<String> fields) {
            this(afterSeq, null, untilSeq, filters, size, fields);
        }
    }

    /** {@code numFound} counts every match, this page included. */
    record FeedPage(List<FeedDocument> documents, long numFound) {
    }

    /** Multi-valued fields come as lists, others as their single value. */
    record FeedDocument(String id, long seq, boolean deleted, Map<String, Object> fields) {
    }
}
