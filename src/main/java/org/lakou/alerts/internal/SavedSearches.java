package org.lakou.alerts.internal;

import java.time.Instant;

import org.lakou.alerts.SavedSearch;
import org.lakou.search.SearchQuery;

/** A saved search as the search API takes it. */
final class SavedSearches {

    private SavedSearches() {
    }

    /**
     * Newest first, the largest page: a digest lists what was published in one period.
     *
     * @throws org.lakou.shared.ApiException 400 when the search API would refuse it
     */
    static SearchQuery toQuery(SavedSearch s, Instant publishedAfter) {
        return new SearchQuery(s.q(), s.type(), s.yearFrom(), s.yearTo(), s.language(), s.creator(), s.collection(),
                s.source(), SearchQuery.Sort.NEWEST, 0, SearchQuery.MAX_SIZE, false, s.subjects(), null,
                SearchQuery.Expand.LABELS, null, publishedAfter);
    }
}
