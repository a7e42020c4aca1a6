package org.lakou.oai.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the provider reads its records: a feed ordered by {@code (seq, recordId)}, where seq is the
 * epoch millisecond of the record's datestamp (never ahead of the indexer's clock, never smaller
 * than an earlier change's; records indexed in the same millisecond share it). Paging is keyset:
 * "after this position", never an offset, so a page costs the same at any depth and a change
 * during a harvest moves the record to the end of the list instead of shifting the others.
 *
 * @see FeedUnavailableException thrown by every method when the store cannot answer
 */
public interface OaiRecordSource {

    /**
     * Entries after {@code (afterSeq, afterId)} (after {@code afterSeq} when the id is null) with
     * {@code seq < untilSeq}, in feed order, at most {@code size}; {@code remaining} counts every
     * match, this page included.
     */
    FeedPage page(FeedQuery query);

    /** The entry of this record if the feed exposes it (public, or a tombstone). */
    Optional<FeedEntry> find(String recordId);

    /** The oldest datestamp in the feed, if it is not empty. */
    Optional<Instant> earliestDatestamp();

    /** Names of the collections used by exposed records, for ListSets. */
    List<String> collections();

    /**
     * @param afterSeq lower bound: the seq last delivered, or exclusive when {@code afterId} is null
     * @param afterId the record id last delivered, or null
     * @param untilSeq exclusive upper bound
     * @param set a set spec, or null
     * @param prefix the metadata format whose XML to read; null for ListIdentifiers (headers only)
     */
    record FeedQuery(long afterSeq, String afterId, long untilSeq, String set, int size, String prefix) {

        public boolean withXml() {
            return prefix != null;
        }
    }

    /**
     * One record as the feed knows it. The XML is null for tombstones and when not asked for.
     */
    record FeedEntry(String recordId, long seq, boolean deleted, List<String> sets, String oaiDcXml,
            String modsXml) {

        public FeedEntry {
            sets = sets == null ? List.of() : List.copyOf(sets);
        }

        public Instant datestamp() {
            return Instant.ofEpochSecond(Math.floorDiv(seq, 1000));
        }

        public String xml(String prefix) {
            return MetadataFormats.MODS.equals(prefix) ? modsXml : oaiDcXml;
        }
    }

    record FeedPage(List<FeedEntry> entries, long remaining) {

        public FeedPage {
            entries = List.copyOf(entries);
        }
    }
}
