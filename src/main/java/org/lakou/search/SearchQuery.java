package org.lakou.search;

import java.util.Locale;

import org.lakou.shared.ApiException;

/**
 * What a reader asks for. Invalid values are refused here, so no layer has to re-check them.
 * {@code includeNonPublic} is for staff screens: drafts, withdrawn and staff-only records are then
 * included, tombstones never.
 */
public record SearchQuery(
        String q,
        String type,
        Integer yearFrom,
        Integer yearTo,
        String language,
        String creator,
        String collection,
        Sort sort,
        int page,
        int size,
        boolean includeNonPublic) {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;
    /** Deep offsets cost Solr (and SolrCloud shards) more with every page; nobody reads that far. */
    public static final int MAX_OFFSET = 10_000;
    public static final int MAX_QUERY_LENGTH = 1_000;

    public enum Sort {
        RELEVANCE, DATE, TITLE;

        /** Case-insensitive; null or blank means relevance. */
        public static Sort parse(String value) {
            if (value == null || value.isBlank()) {
                return RELEVANCE;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("sort must be one of relevance, date, title")
                        .with("parameter", "sort");
            }
        }
    }

    public SearchQuery {
        q = blankToNull(q);
        type = blankToNull(type);
        language = blankToNull(language);
        creator = blankToNull(creator);
        collection = blankToNull(collection);
        sort = sort == null ? Sort.RELEVANCE : sort;
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            throw invalid("q", "q must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        if (page < 0) {
            throw invalid("page", "page must be >= 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw invalid("size", "size must be between 1 and " + MAX_SIZE);
        }
        if ((long) page * size > MAX_OFFSET) {
            throw invalid("page", "results beyond the first " + MAX_OFFSET + " are not served; refine the query");
        }
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            throw invalid("yearFrom", "yearFrom must not be after yearTo");
        }
    }

    /** A public query for {@code q} with default paging and relevance order. */
    public static SearchQuery of(String q) {
        return new SearchQuery(q, null, null, null, null, null, null, Sort.RELEVANCE, 0, DEFAULT_SIZE, false);
    }

    public SearchQuery withCollection(String newCollection) {
        return new SearchQuery(q, type, yearFrom, yearTo, language, creator, newCollection, sort, page, size,
                includeNonPublic);
    }

    private static ApiException invalid(String parameter, String detail) {
        return ApiException.badRequest(detail).with("parameter", parameter);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
