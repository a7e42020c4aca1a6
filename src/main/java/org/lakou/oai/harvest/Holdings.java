package org.lakou.oai.harvest;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.oai.internal.WorkKeys;
import org.lakou.search.IndexFeed;
import org.springframework.stereotype.Component;

/**
 * One work held by several centres: the local record and the partners' copies that share its work
 * key (title, year and first creator, folded), found in the index where every record carries it.
 */
@Component
public class Holdings {

    static final String WORK = "work_s";
    static final String SOURCE = "source_s";
    private static final int MAX_HOLDERS = 100;

    private final CatalogueApi catalogue;
    private final IndexFeed feed;

    Holdings(CatalogueApi catalogue, IndexFeed feed) {
        this.catalogue = catalogue;
        this.feed = feed;
    }

    /** A record and who else holds the same work. */
    public record Work(String key, List<Holder> heldBy) {
    }

    public record Holder(String recordId, String centre, boolean harvested) {
    }

    public Work of(String recordId) {
        Record r = catalogue.get(recordId);
        String key = WorkKeys.of(r);
        if (key == null) {
            return new Work(null, List.of(new Holder(r.id(), null, r.isHarvested())));
        }
        Map<String, Collection<String>> filters = Map.of(WORK, List.of(key), "deleted", List.of("false"));
        List<Holder> holders = feed.page(new IndexFeed.FeedQuery(-1, Long.MAX_VALUE, filters, MAX_HOLDERS,
                List.of(SOURCE))).documents().stream()
                .map(d -> new Holder(d.id(), (String) d.fields().get(SOURCE),
                        catalogue.find(d.id()).map(Record::isHarvested).orElse(false)))
                .toList();
        return new Work(key, holders);
    }
}
