package org.lakou.oai.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.lakou.search.FacetValue;
import org.lakou.search.IndexFeed;
import org.lakou.search.IndexFeed.FeedDocument;
import org.lakou.shared.ApiException;
import org.springframework.stereotype.Component;

/**
 * The provider's records, paged from the search index: the stored oai_dc and MODS XML that
 * {@link OaiIndexContributor} rendered at indexing time, limited to exposed records and tombstones.
 */
@Component
class SearchFeedSource implements OaiRecordSource {

    private static final Map<String, Collection<String>> VISIBLE =
            Map.of(OaiIndexContributor.STATE, List.of(OaiVisibility.EXPOSED.code(), OaiVisibility.TOMBSTONE.code()));
    private static final List<String> HEADER_FIELDS = List.of(OaiIndexContributor.STATE, OaiIndexContributor.SETS);
    private static final List<String> ALL_FIELDS = List.of(OaiIndexContributor.STATE, OaiIndexContributor.SETS,
            OaiIndexContributor.OAI_DC, OaiIndexContributor.MODS);
    private static final List<String> DC_FIELDS = List.of(OaiIndexContributor.STATE, OaiIndexContributor.SETS,
            OaiIndexContributor.OAI_DC);
    private static final List<String> MODS_FIELDS = List.of(OaiIndexContributor.STATE, OaiIndexContributor.SETS,
            OaiIndexContributor.MODS);

    private final IndexFeed feed;

    SearchFeedSource(IndexFeed feed) {
        this.feed = feed;
    }

    @Override
    public FeedPage page(FeedQuery q) {
        // a set also answers for the records that left it, as deletions
        Map<String, Collection<String>> filters = q.set() == null ? VISIBLE
                : Map.of(OaiIndexContributor.STATE, VISIBLE.get(OaiIndexContributor.STATE),
                        OaiIndexContributor.SETS, List.of(q.set(), OaiIndexContributor.LEFT + q.set()));
        IndexFeed.FeedPage page = call(() -> feed.page(new IndexFeed.FeedQuery(q.afterSeq(), q.afterId(), q.untilSeq(), filters,
                q.size(), fields(q.prefix()))));
        return new FeedPage(page.documents().stream().map(d -> entry(d, q.set())).toList(), page.numFound());
    }

    /** Only the stored XML of the format asked for: a page is half the bytes. */
    private static List<String> fields(String prefix) {
        if (prefix == null) {
            return HEADER_FIELDS;
        }
        return MetadataFormats.MODS.equals(prefix) ? MODS_FIELDS : DC_FIELDS;
    }

    @Override
    public Optional<FeedEntry> find(String recordId) {
        return call(() -> feed.document(recordId, VISIBLE, ALL_FIELDS)).map(d -> entry(d, null));
    }

    @Override
    public Optional<Instant> earliestDatestamp() {
        var seq = call(() -> feed.firstSeq(VISIBLE));
        return seq.isPresent() ? Optional.of(Instant.ofEpochSecond(Math.floorDiv(seq.getAsLong(), 1000)))
                : Optional.empty();
    }

    @Override
    public List<String> collections() {
        return call(() -> feed.values("collection", VISIBLE, 1000)).stream()
                .map(FacetValue::value).sorted().toList();
    }

    /** Within a set the record has left, it is a deletion; its header names the sets it is in now. */
    private static FeedEntry entry(FeedDocument d, String set) {
        List<String> sets = new ArrayList<>();
        Object field = d.fields().get(OaiIndexContributor.SETS);
        for (Object s : field instanceof List<?> l ? l : field == null ? List.of() : List.of(field)) {
            if (!((String) s).startsWith(OaiIndexContributor.LEFT)) {
                sets.add((String) s);
            }
        }
        boolean deleted = OaiVisibility.TOMBSTONE.code().equals(d.fields().get(OaiIndexContributor.STATE))
                || set != null && !sets.contains(set);
        return new FeedEntry(d.id(), d.seq(), deleted, sets,
                (String) d.fields().get(OaiIndexContributor.OAI_DC), (String) d.fields().get(OaiIndexContributor.MODS));
    }

    private static <T> T call(Supplier<T> s) {
        try {
            return s.get();
        } catch (ApiException e) {
            if (e.status().value() == 503) {
                throw new FeedUnavailableException(e.getMessage(), e);
            }
            throw e;
        }
    }
}
