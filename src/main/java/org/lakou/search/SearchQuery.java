package org.lakou.search;

import java.time.Instant;
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
 * whose records were harvested. {@code publishedAfter} keeps records first published here at or
 * after that instant (harvested copies have no publication here, so it leaves them out).
 * {@code territory} is a territory concept URI as records carry it (a value of the territory facet).
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
        String territory,
        Instant publishedAfter) {

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
        /** NEWEST: first published here, latest first (feeds, "what is new"); unpublished harvested copies last. */
        RELEVANCE, DATE, TITLE, NEWEST;

        /** Case-insensitive; null or blank means relevance. */
        public static Sort parse(String value) {
            if (value == null || value.isBlank()) {
                return RELEVANCE;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("sort must be one of relevance, date, title, newest")
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

    /** Without the publication date and territory filters. */
    public SearchQuery(String q, String type, Integer yearFrom, Integer yearTo, String language, String creator,
            String collection, String source, Sort sort, int page, int size, boolean includeNonPublic,
            List<String> subjects, String lang, Expand expand) {
        this(q, type, yearFrom, yearTo, language, creator, collection, source, sort, page, size, includeNonPublic,
                subjects, lang, expand, null, null);
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
                includeNonPublic, subjects, lang, expand, territory, publishedAfter);
    }

    public SearchQuery withSubjects(List<String> newSubjects) {
        return new SearchQuery(q, type, yearFrom, yearTo, language, creator, collection, source, sort, page, size,
                includeNonPublic, newSubjects, lang, expand, territory, publishedAfter);
    }

    public SearchQuery withExpand(Expand newExpand) {
        return new SearchQuery(q, type, yearFrom, yearTo, language, creator, collection, source, sort, page, size,
                includeNonPublic, subjects, lang, newExpand, territory, publishedAfter);
    }

    public SearchQuery withPublishedAfter(Instant after) {
        return new SearchQuery(q, type, yearFrom, yearTo, language, creator, collection, source, sort, page, size,
                includeNonPublic, subjects, lang, expand, territory, after);
    }

    public SearchQuery withPage(int newPage, int newSize) {
        return new SearchQuery(q, type, yearFrom, yearTo, language, creator, collection, source, sort, newPage,
                newSize, includeNonPublic, subjects, lang, expand, territory, publishedAfter);
    }

    /**
     * An instant as the API takes it: {@code 2026-03-01T08:00:00Z}, or a day ({@code 2026-03-01}, its
     * start in UTC); null or blank means none.
     */
    public static Instant parseInstant(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return v.length() == 10 ? java.time.LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : java.time.OffsetDateTime.parse(v).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid(parameter, parameter + " must be a date (2026-03-01) or a date-time (2026-03-01T08:00:00Z)");
        }
    }

    private static ApiException invalid(String parameter, String detail) {
        return ApiException.badRequest(detail).with("parameter", parameter);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
