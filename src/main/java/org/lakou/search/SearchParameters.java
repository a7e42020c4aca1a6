package org.lakou.search;

import java.util.List;

/**
 * A search as readers spell it in a query string, bound by every HTTP face that takes one (the
 * JSON API, the Atom feed), so that their parameters cannot drift apart. Values are checked when
 * they become a {@link SearchQuery}.
 */
public record SearchParameters(
        String q,
        String type,
        Integer yearFrom,
        Integer yearTo,
        String language,
        String creator,
        String collection,
        String source,
        String sort,
        Integer page,
        Integer size,
        List<String> subject,
        String lang,
        String expand,
        String territory,
        String publishedAfter) {

    /** A public query (non-public records only through staff screens) at the requested page. */
    public SearchQuery toQuery() {
        return toQuery(page == null ? 0 : page, size == null ? SearchQuery.DEFAULT_SIZE : size);
    }

    public SearchQuery toQuery(int atPage, int ofSize) {
        return new SearchQuery(q, type, yearFrom, yearTo, language, creator, collection, source,
                SearchQuery.Sort.parse(sort), atPage, ofSize, false, subject, lang, SearchQuery.Expand.parse(expand),
                territory, SearchQuery.parseInstant(publishedAfter, "publishedAfter"));
    }
}
