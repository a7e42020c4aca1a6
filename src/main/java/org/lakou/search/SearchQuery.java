package org.lakou.search;

import java.util.List;
import java.util.Locale;

import org.lakou.shared.ApiException;

/**
 * What a reader asks for. Invalid values are refused here, so no layer has to re-check them.
 * {@code includeNonPublic} is for staff screens: drafts, withdrawn and staff-only records are then
 * included, tombstones never. {@code subjects} are concept URIs: a record matches when it is
 * indexed with every one of them or with one of their narrower concepts. {@code lang} picks the
 * labels of the subject facet (default French). {@code expand} says how far a query term that
 * names a concept is widened: to the concept's other labels (default), also to its narrower
 * concepts, or not at all. {@code source} is a value of the source facet: this centre or a partner
 * whose records were harvested. {@code territory} is a territory concept URI as records carry it
 * (a value of the territory facet).
 */
public record SearchQuery(
        String q,
        String type,
        Integer yearFrom,
        Integer yearTo,
        String language,
        String creator,
        String collection,
        String source,
        Sort sort,
        int page,
        int size,
        boolean includeNonPublic,
        List<String> subjects,
        String lang,
        Expand expand,
        String territory) {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;
    /** Deep offsets cost Solr (and SolrCloud shards) more with every page; nobody reads that far. */
    public static final int MAX_OFFSET = 10_000;
    public static final int MAX_QUERY_LENGTH = 1_000;
    public static final int MAX_SUBJECTS = 20;

    public enum Expand {
        NONE, LABELS, NARROWER;

        /** Case-insensitive; null or blank means labels. */
        public static Expand parse(String value) {
            if (value == null || value.isBlank()) {
                return LABELS;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("expand must be one of none, labels, narrower")
                        .with("parameter", "expand");
            }
        }
    }

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
        source = blankToNull(source);
        territory = blankToNull(territory);
        sort = sort == null ? Sort.RELEVANCE : sort;
        subjects = subjects == null ? List.of()
                : subjects.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).distinct().toList();
        lang = blankToNull(lang) == null ? "fr" : lang.trim();
        expand = expand == null ? Expand.LABELS : expand;
        if (subjects.size() > MAX_SUBJECTS) {
            throw invalid("subject", "at most " + MAX_SUBJECTS + " subject filters");
        }
        if (!lang.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")) {
            throw invalid("lang", "lang must be a language tag such as fr or en");
        }
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

    /** Without a territory filter. */
    public SearchQuery(String q, String type, Integer yearFrom, Integer yearTo, String language, String creator,
            String collection, String source, Sort sort, int page, int size, boolean includeNonPublic,
            List<String> subjects, String lang, Expand expand) {
        this(q, type, yearFrom, yearTo, language, creator, collection, source, sort, page, size, includeNonPublic,
                subjects, lang, expand, null);
    }

    /** Without subject filters, French labels and the default expansion. */
    public SearchQuery(String q, String type, Integer yearFrom, Integer yearTo, String language, String creator,
            String collection, Sort sort, int page, int size, boolean includeNonPublic) {
        this(q, type, yearFrom, yearTo, language, creator, collection, null, sort, page, size, includeNonPublic,
                List.of(), null, null);
    }

    /** A public query for {@code q} with default paging and relevance order. */
    public static SearchQuery of(String q) {
        return new SearchQuery(q, null, null, null, null, null, null, Sort.RELEVANCE, 0, DEFAULT_SIZE, false);
    }

    public SearchQuery withCollection(String newCollection) {
        return new SearchQuery(q, type, yearFrom, yearTo, language, creator, newCollection, source, sort, page, size,
                includeNonPublic, subjects, lang, expand, territory);
    }

    public SearchQuery withSubjects(List<String> newSubjects) {
        return new SearchQuery(q, type, yearFrom, yearTo, language, creator, collection, source, sort, page, size,
                includeNonPublic, newSubjects, lang, expand, territory);
    }

    public SearchQuery withExpand(Expand newExpand) {
        return new SearchQuery(q, type, yearFrom, yearTo, language, creator, collection, source, sort, page, size,
                includeNonPublic, subjects, lang, newExpand, territory);
    }

    private static ApiException invalid(String parameter, String detail) {
        return ApiException.badRequest(detail).with("parameter", parameter);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
