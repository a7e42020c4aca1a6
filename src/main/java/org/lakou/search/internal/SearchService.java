package org.lakou.search.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.SpellCheckResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.search.FacetValue;
import org.lakou.search.IndexStatus;
import org.lakou.search.SearchApi;
import org.lakou.search.SearchHit;
import org.lakou.search.SearchQuery;
import org.lakou.search.SearchResult;
import org.lakou.search.Spellcheck;
import org.lakou.search.SubjectFacetNode;
import org.lakou.shared.ApiException;
import org.lakou.shared.Viewer;
import org.lakou.thesaurus.ThesaurusApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Answers searches from Solr; any Solr failure becomes a 503 the client can retry, never a 500. */
@Service
class SearchService implements SearchApi {

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);

    private final SolrConnection solr;
    private final CatalogueApi catalogue;
    private final RecordIndexer indexer;
    private final QueryExpander expander;
    private final ThesaurusApi thesaurus;

    SearchService(SolrConnection solr, CatalogueApi catalogue, RecordIndexer indexer, QueryExpander expander,
            ThesaurusApi thesaurus) {
        this.solr = solr;
        this.catalogue = catalogue;
        this.indexer = indexer;
        this.expander = expander;
        this.thesaurus = thesaurus;
    }

    @Override
    public SearchResult search(SearchQuery query, Viewer viewer) {
        QueryExpander.Expanded expanded = expander.expand(query.q(), query.lang(), query.expand());
        SolrQuery solrQuery = SolrQueries.build(query, expanded.q(), expanded.applied(), viewer);
        QueryResponse rsp = query(solrQuery);
        List<String> highlightFields = SolrQueries.highlightFields(viewer);
        Map<String, Map<String, List<String>>> hl = rsp.getHighlighting();
        List<SearchHit> hits = new ArrayList<>();
        for (SolrDocument d : rsp.getResults()) {
            String id = (String) d.getFieldValue("id");
            hits.add(hit(d, highlights(hl == null ? null : hl.get(id), highlightFields)));
        }
        Map<String, List<?>> facets = new LinkedHashMap<>(facets(rsp));
        facets.put(SearchResult.SUBJECT_FACET, subjectTree(rsp, query.lang()));
        long total = rsp.getResults().getNumFound();
        Spellcheck correction = query.q() != null && total <= SolrQueries.SPELLCHECK_MAX_HITS
                ? spellcheck(SolrQueries.spellcheck(solrQuery, query.q()), total) : null;
        return new SearchResult(total, query.page(), query.size(), hits, facets, expanded.expansions(), correction);
    }

    @Override
    public List<SearchHit> similar(String recordId, Viewer viewer, int limit) {
        catalogue.requireVisible(recordId, viewer);
        // one more than asked: the source record is left out below if Solr ever returns it
        QueryResponse rsp = query(SolrQueries.similar(recordId, viewer, limit + 1));
        return rsp.getResults().stream().filter(d -> !recordId.equals(d.getFieldValue("id")))
                .map(d -> hit(d, List.of())).limit(limit).toList();
    }

    @Override
    public int reindex() {
        int n = catalogue.requeueAll();
        log.info("Re-index requested: {} record(s) queued", n);
        indexer.wake();
        return n;
    }

    @Override
    public void clearIndex() {
        try {
            solr.client().deleteByQuery(solr.collection(), "*:*");
            solr.client().commit(solr.collection());
            log.info("Search index emptied");
        } catch (SolrServerException | IOException | SolrException e) {
            throw new SolrUnavailableException("Solr delete failed", e);
        }
    }

    @Override
    public IndexStatus indexStatus() {
        Long documents = null;
        boolean reachable;
        try {
            documents = solr.client().query(solr.collection(), new SolrQuery("*:*").setRows(0))
                    .getResults().getNumFound();
            reachable = true;
        } catch (SolrServerException | IOException | RuntimeException e) {
            reachable = false;
        }
        return new IndexStatus(catalogue.pendingIndexCount(), indexer.lastIndexed(), reachable,
                solr.mode().name().toLowerCase(), solr.collection(), documents, indexer.holdsLease(),
                indexer.lastError());
    }

    @Override
    public boolean awaitIndexed(Duration timeout) {
        return indexer.awaitIdle(timeout);
    }

    private QueryResponse query(SolrQuery q) {
        try {
            return solr.client().query(solr.collection(), q);
        } catch (SolrException e) {
            if (e.code() == HttpStatus.BAD_REQUEST.value()) {
                throw ApiException.badRequest("The search query could not be understood: " + firstLine(e));
            }
            throw unavailable(e);
        } catch (SolrServerException | IOException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    private static SearchHit hit(SolrDocument d, List<String> highlights) {
        return new SearchHit((String) d.getFieldValue("id"), (String) d.getFieldValue("title"),
                strings(d.getFieldValues("creators")), (String) d.getFieldValue("date"),
                (String) d.getFieldValue("type"), highlights);
    }

    /**
     * The best collation, asked for only when the query found few hits (so ordinary searches pay
     * nothing for it), kept when the correction finds more. Its hit count comes from Solr's
     * collation test, run with this request's filters and fields.
     */
    private Spellcheck spellcheck(SolrQuery spellQuery, long total) {
        SpellCheckResponse sc;
        try {
            sc = query(spellQuery).getSpellCheckResponse();
        } catch (ApiException e) {
            return null; // the search itself answered: a missing correction is no reason to fail it
        }
        if (sc == null || sc.getCollatedResults() == null) {
            return null;
        }
        return sc.getCollatedResults().stream().filter(c -> c.getNumberOfHits() > total)
                .max(Comparator.comparingLong(SpellCheckResponse.Collation::getNumberOfHits))
                .map(c -> new Spellcheck(c.getCollationQueryString(), c.getNumberOfHits())).orElse(null);
    }

    private static ApiException unavailable(Exception e) {
        log.warn("Search failed: {}", SolrUnavailableException.describe(e));
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Search unavailable",
                "The search index cannot answer right now; try again in a moment");
    }

    /** Snippets in the order of {@code fields}: title, abstract, then the texts the viewer may read. */
    private static List<String> highlights(Map<String, List<String>> byField, List<String> fields) {
        if (byField == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            List<String> snippets = byField.get(f);
            if (snippets != null) {
                snippets.stream().filter(s -> s != null && !s.isBlank()).forEach(out::add);
            }
        }
        return out;
    }

    private static Map<String, List<FacetValue>> facets(QueryResponse rsp) {
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        SolrQueries.FACETS.forEach((name, field) -> {
            FacetField ff = rsp.getFacetField(field);
            List<FacetValue> values = ff == null || ff.getValues() == null ? List.of()
                    : ff.getValues().stream().map(c -> new FacetValue(c.getName(), c.getCount())).toList();
            out.put(name, values);
        });
        return out;
    }

    private List<SubjectFacetNode> subjectTree(QueryResponse rsp, String lang) {
        FacetField ff = rsp.getFacetField(SolrQueries.SUBJECT_FACET_FIELD);
        Map<String, Long> counts = new LinkedHashMap<>();
        if (ff != null && ff.getValues() != null) {
            ff.getValues().forEach(c -> counts.put(c.getName(), c.getCount()));
        }
        return SubjectFacets.tree(counts, thesaurus::concept, lang);
    }

    private static List<String> strings(Collection<Object> values) {
        return values == null ? List.of() : values.stream().map(String::valueOf).toList();
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage();
        return m == null ? "" : m.lines().findFirst().orElse("");
    }
}
