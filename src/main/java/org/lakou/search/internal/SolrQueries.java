package org.lakou.search.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrQuery.ORDER;
import org.lakou.catalogue.AccessLevel;
import org.lakou.search.SearchQuery;
import org.lakou.shared.Viewer;

/** Turns a {@link SearchQuery} into Solr parameters. Pure: no I/O, easy to read in one place. */
final class SolrQueries {

    /** Solr field name for each facet the API exposes, in the order the API lists them. */
    static final Map<String, String> FACETS = orderedFacets();

    /**
     * The metadata searched for every reader. subject_labels: a record indexed under a concept is
     * found by the concept's labels, modestly boosted. The files' text is added per reader, see
     * {@link #textFields}.
     */
    static final String QUERY_FIELDS = "title^5 subtitle^3 abstract^2 creators^2 subject_labels^1.5";
    /** Ancestor-or-self subject URIs: one facet counts every node of the subject tree. */
    static final String SUBJECT_FACET_FIELD = "subject_ancestors";
    private static final int SUBJECT_FACET_LIMIT = 2_000;
    /** Whole-phrase matches in the title or abstract rank above scattered words. */
    static final String PHRASE_FIELDS = "title^10 abstract^4";
    /**
     * Readers may name these fields in a query (title:mediation); never status or access fields.
     * {@code fulltext} is an alias of the text fields the reader may read, never a stored field.
     */
    static final String TEXT_ALIAS = "fulltext";
    static final String USER_FIELDS = "title subtitle abstract creators publisher " + TEXT_ALIAS;
    /** Snippets from the title first, then the abstract, then the text: most telling first. */
    static final List<String> METADATA_HIGHLIGHT_FIELDS = List.of("title", "abstract");
    static final String FIELD_LIST = "id,title,creators,date,type";

    /** "Few hits": at or below this many, the spell checker proposes a correction. */
    static final int SPELLCHECK_MAX_HITS = 3;
    /** The words of a record that MoreLikeThis looks for in others: the most telling ones only. */
    private static final int MLT_MAX_TERMS = 25;

    private static final int FACET_LIMIT = 20;
    private static final int YEAR_FACET_LIMIT = 100;

    private SolrQueries() {
    }

    /** The index field holding the text of files at this access level. */
    static String textField(AccessLevel level) {
        return "text_" + level.code();
    }

    /** The text fields {@code viewer} may search and see snippets of, by the catalogue's access rule. */
    static List<String> textFields(Viewer viewer) {
        return Arrays.stream(AccessLevel.values()).filter(l -> l.openTo(viewer)).map(SolrQueries::textField).toList();
    }

    /** Metadata first, then the text fields this viewer may read. */
    static List<String> highlightFields(Viewer viewer) {
        List<String> out = new ArrayList<>(METADATA_HIGHLIGHT_FIELDS);
        out.addAll(textFields(viewer));
        return out;
    }

    /**
     * @param effectiveQ the query after thesaurus expansion
     * @param expanded   the expansion added OR groups: every top-level clause stays required
     * @param viewer     decides which records and which files' text the query may reach
     */
    static SolrQuery build(SearchQuery q, String effectiveQ, boolean expanded, Viewer viewer) {
        SolrQuery sq = new SolrQuery();
        sq.set("defType", "edismax");
        sq.setQuery(effectiveQ == null ? "*:*" : effectiveQ);
        String text = String.join(" ", textFields(viewer));
        sq.set("qf", QUERY_FIELDS + " " + text);
        sq.set("uf", USER_FIELDS);
        sq.set("f." + TEXT_ALIAS + ".qf", text);
        if (q.q() != null) {
            sq.set("pf", PHRASE_FIELDS);
            // library users expect every word to count; stop words are already dropped by the analyzer
            sq.set("q.op", "AND");
            if (expanded) {
                // explicit ORs switch edismax's mm off; the user's words must all still count
                sq.set("mm", "100%");
            }
            highlight(sq, viewer);
        }
        filters(sq, q, viewer);
        facets(sq);
        sort(sq, q.sort());
        sq.setStart(q.page() * q.size());
        sq.setRows(q.size());
        sq.setFields(FIELD_LIST);
        return sq;
    }

    private static void filters(SolrQuery sq, SearchQuery q, Viewer viewer) {
        // separate filters, so each is cached on its own and shared by every public query
        sq.addFilterQuery("deleted:false");
        if (!q.includeNonPublic()) {
            sq.addFilterQuery("status:published");
            // staff read staff-only records (Record.visibleTo), so they find them too
            if (!viewer.isStaff()) {
                sq.addFilterQuery("-accessLevel:staff");
            }
        }
        term(sq, "type", q.type());
        term(sq, "language", q.language());
        term(sq, "creator_facet", q.creator());
        term(sq, "collection", q.collection());
        term(sq, FACETS.get("source"), q.source());
        term(sq, FACETS.get("territory"), q.territory());
        // a broad concept finds the records indexed with any of its narrower concepts
        q.subjects().forEach(uri -> term(sq, SUBJECT_FACET_FIELD, uri));
        if (q.publishedAfter() != null) {
            sq.addFilterQuery(RecordDocuments.PUBLISHED + ":[" + q.publishedAfter() + " TO *]");
        }
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
            case NEWEST -> sq.addSort(RecordDocuments.PUBLISHED, ORDER.desc).addSort("modified", ORDER.desc);
        }
        // a stable tie-break, so a record never shows on two pages
        sq.addSort("id", ORDER.asc);
    }

    /**
     * A second request, only after a search found few hits: the same query, filters and fields
     * without rows, facets or snippets, asking the spell checker. The reader's own words (not the
     * thesaurus expansion) are checked. Each collation is tried as a query with this request's
     * filters and fields, so its hit count is what this reader would get and a correction never
     * points at records or text the reader may not see.
     */
    static SolrQuery spellcheck(SolrQuery search, String userQ) {
        SolrQuery sq = search.getCopy();
        sq.setRows(0);
        sq.setStart(0);
        sq.setFacet(false);
        sq.setHighlight(false);
        sq.set("spellcheck", true);
        sq.set("spellcheck.q", userQ);
        sq.set("spellcheck.count", 5);
        sq.set("spellcheck.alternativeTermCount", 2);
        sq.set("spellcheck.maxResultsForSuggest", SPELLCHECK_MAX_HITS);
        sq.set("spellcheck.collate", true);
        sq.set("spellcheck.maxCollations", 1);
        sq.set("spellcheck.maxCollationTries", 10);
        sq.set("spellcheck.collateExtendedResults", true);
        return sq;
    }

    /**
     * MoreLikeThis from the record {@code id}: its most telling words in the text fields this reader
     * may read and its subjects, looked for in the same fields of other records. The terms are
     * taken from the stored source fields, so restricted text never picks the terms for a reader
     * who may not read it. Only published records the reader may see come back.
     */
    static SolrQuery similar(String id, Viewer viewer, int rows) {
        List<String> fields = new ArrayList<>(textFields(viewer));
        fields.add("subjects");
        // the id goes in as a parameter, never spliced into the local params
        SolrQuery sq = new SolrQuery("{!mlt qf=" + String.join(",", fields) + " mintf=1 mindf=1 minwl=3 maxqt="
                + MLT_MAX_TERMS + " v=$mlt.id}");
        sq.set("mlt.id", id);
        // the handler's default edismax ignores local params in q; the standard parser honours them
        sq.set("defType", "lucene");
        sq.addFilterQuery("deleted:false");
        sq.addFilterQuery("status:published");
        if (!viewer.isStaff()) {
            sq.addFilterQuery("-accessLevel:staff");
        }
        sq.setRows(rows);
        sq.setFields(FIELD_LIST);
        return sq;
    }

    private static void highlight(SolrQuery sq, Viewer viewer) {
        sq.setHighlight(true);
        sq.set("hl.method", "unified");
        // snippets only from the fields this viewer may read: a title match must not pull text along
        sq.set("hl.fl", String.join(",", highlightFields(viewer)));
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
