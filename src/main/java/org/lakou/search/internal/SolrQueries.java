package org.lakou.search.internal;

import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrQuery.ORDER;
import org.lakou.search.SearchQuery;

/** Turns a {@link SearchQuery} into Solr parameters. Pure: no I/O, easy to read in one place. */
final class SolrQueries {

    /** Solr field name for each facet the API exposes, in the order the API lists them. */
    static final Map<String, String> FACETS = orderedFacets();

    /** subject_labels: a record indexed under a concept is found by the concept's labels, modestly boosted. */
    static final String QUERY_FIELDS = "title^5 subtitle^3 abstract^2 creators^2 fulltext subject_labels^1.5";
    /** Ancestor-or-self subject URIs: one facet counts every node of the subject tree. */
    static final String SUBJECT_FACET_FIELD = "subject_ancestors";
    private static final int SUBJECT_FACET_LIMIT = 2_000;
    /** Whole-phrase matches in the title or abstract rank above scattered words. */
    static final String PHRASE_FIELDS = "title^10 abstract^4";
    /** Readers may name these fields in a query (title:mediation); never status or access fields. */
    static final String USER_FIELDS = "title subtitle abstract creators fulltext publisher";
    static final List<String> HIGHLIGHT_FIELDS = List.of("title", "abstract", "fulltext");
    static final String FIELD_LIST = "id,title,creators,date,type";

    private static final int FACET_LIMIT = 20;
    private static final int YEAR_FACET_LIMIT = 100;

    private SolrQueries() {
    }

    static SolrQuery build(SearchQuery q) {
        return build(q, q.q(), false);
    }

    /**
     * @param effectiveQ the query after thesaurus expansion
     * @param expanded   the expansion added OR groups: every top-level clause stays required
     */
    static SolrQuery build(SearchQuery q, String effectiveQ, boolean expanded) {
        SolrQuery sq = new SolrQuery();
        sq.set("defType", "edismax");
        sq.setQuery(effectiveQ == null ? "*:*" : effectiveQ);
        sq.set("qf", QUERY_FIELDS);
        sq.set("uf", USER_FIELDS);
        if (q.q() != null) {
            sq.set("pf", PHRASE_FIELDS);
            // library users expect every word to count; stop words are already dropped by the analyzer
            sq.set("q.op", "AND");
            if (expanded) {
                // explicit ORs switch edismax's mm off; the user's words must all still count
                sq.set("mm", "100%");
            }
            highlight(sq);
        }
        filters(sq, q);
        facets(sq);
        sort(sq, q.sort());
        sq.setStart(q.page() * q.size());
        sq.setRows(q.size());
        sq.setFields(FIELD_LIST);
        return sq;
    }

    private static void filters(SolrQuery sq, SearchQuery q) {
        // separate filters, so each is cached on its own and shared by every public query
        sq.addFilterQuery("deleted:false");
        if (!q.includeNonPublic()) {
            sq.addFilterQuery("status:published");
            sq.addFilterQuery("-accessLevel:staff");
        }
        term(sq, "type", q.type());
        term(sq, "language", q.language());
        term(sq, "creator_facet", q.creator());
        term(sq, "collection", q.collection());
        term(sq, FACETS.get("source"), q.source());
        term(sq, FACETS.get("territory"), q.territory());
        // a broad concept finds the records indexed with any of its narrower concepts
        q.subjects().forEach(uri -> term(sq, SUBJECT_FACET_FIELD, uri));
        if (q.yearFrom() != null || q.yearTo() != null) {
            sq.addFilterQuery("year:[" + bound(q.yearFrom()) + " TO " + bound(q.yearTo()) + "]");
        }
    }

    /** The term parser takes the value verbatim: no escaping of spaces, quotes or apostrophes. */
    private static void term(SolrQuery sq, String field, String value) {
        if (value != null) {
            sq.addFilterQuery("{!term f=" + field + "}" + value);
        }
    }

    private static String bound(Integer year) {
        return year == null ? "*" : year.toString();
    }

    private static void facets(SolrQuery sq) {
        sq.setFacet(true);
        sq.setFacetMinCount(1);
        sq.setFacetLimit(FACET_LIMIT);
        FACETS.values().forEach(sq::addFacetField);
        sq.set("f.year.facet.limit", YEAR_FACET_LIMIT);
        sq.addFacetField(SUBJECT_FACET_FIELD);
        sq.set("f." + SUBJECT_FACET_FIELD + ".facet.limit", SUBJECT_FACET_LIMIT);
    }

    private static void sort(SolrQuery sq, SearchQuery.Sort sort) {
        switch (sort) {
            case RELEVANCE -> sq.addSort("score", ORDER.desc);
            case DATE -> sq.addSort("year", ORDER.desc).addSort("modified", ORDER.desc);
            case TITLE -> sq.addSort("title_sort", ORDER.asc);
        }
        // a stable tie-break, so a record never shows on two pages
        sq.addSort("id", ORDER.asc);
    }

    private static void highlight(SolrQuery sq) {
        sq.setHighlight(true);
        sq.set("hl.method", "unified");
        sq.set("hl.fl", String.join(",", HIGHLIGHT_FIELDS));
        sq.setHighlightSnippets(3);
        sq.setHighlightFragsize(160);
        sq.set("hl.encoder", "html");
        sq.set("hl.tag.pre", "<em>");
        sq.set("hl.tag.post", "</em>");
        sq.set("hl.maxAnalyzedChars", 1_000_000);
    }

    private static Map<String, String> orderedFacets() {
        var m = new java.util.LinkedHashMap<String, String>();
        m.put("type", "type");
        m.put("year", "year");
        m.put("language", "language");
        // territory concept URIs as records carry them (no broader places: Martinique does not count Trinité)
        m.put("territory", "territories");
        m.put("creator", "creator_facet");
        m.put("collection", "collection");
        // the centre holding the record: this one, or a partner it was harvested from (union catalogue)
        m.put("source", "source_s");
        return java.util.Collections.unmodifiableMap(m);
    }
}
