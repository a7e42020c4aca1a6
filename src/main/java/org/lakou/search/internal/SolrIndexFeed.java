package org.lakou.search.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.util.JavaBinCodec;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.lakou.search.FacetValue;
import org.lakou.search.IndexFeed;
import org.lakou.shared.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The feed over Solr: a range filter on {@code oai_seq} from the cursor's millisecond (uncached:
 * every page has its own bounds) plus term filters, sorted by seq then id, and Solr's cursor for the
 * position inside that millisecond, so a page is one query and costs the same at any depth on an
 * embedded core and on SolrCloud alike.
 */
@Component
class SolrIndexFeed implements IndexFeed {

    static final String SEQ = "oai_seq";

    /** A page never waits longer than this for a commit in flight; then the caller gets 503. */
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(30);

    private static final long POLL_MILLIS = 25;
    /** More than one indexing batch can hold (lakou.search.batch-size is at most 10,000). */
    private static final int MAX_PER_MILLISECOND = 10_000;

    private final SolrConnection solr;
    private final FeedSequencer sequencer;
    private final FeedInFlight inFlight;

    SolrIndexFeed(SolrConnection solr, FeedSequencer sequencer, FeedInFlight inFlight) {
        this.solr = solr;
        this.sequencer = sequencer;
        this.inFlight = inFlight;
    }

    @Override
    public FeedPage page(FeedQuery q) {
        awaitCommitted(q.untilSeq());
        boolean inMillisecond = q.afterId() != null && q.afterSeq() < q.untilSeq();
        SolrQuery sq = base(q.filters());
        sq.addFilterQuery("{!cache=false}" + SEQ + ":" + (inMillisecond ? "[" : "{") + q.afterSeq() + " TO "
                + q.untilSeq() + "}");
        sq.setSort(SEQ, SolrQuery.ORDER.asc).addSort("id", SolrQuery.ORDER.asc).setRows(q.size() + 1);
        sq.set(CursorMarkParams.CURSOR_MARK_PARAM, inMillisecond ? cursorMark(q.afterSeq(), q.afterId())
                : CursorMarkParams.CURSOR_MARK_START);
        fields(sq, q.fields());
        QueryResponse r = query(sq);
        List<FeedDocument> docs = new ArrayList<>(r.getResults().size());
        r.getResults().forEach(d -> docs.add(toFeed(d, q.fields())));
        long remaining = r.getResults().getNumFound();
        if (inMillisecond) {
            remaining -= deliveredInMillisecond(q, docs);
        }
        return new FeedPage(docs.subList(0, Math.min(q.size(), docs.size())), remaining);
    }

    /**
     * Solr's own deep-paging position (what {@code nextCursorMark} would have said) for "after
     * {@code (seq, id)}" in (oai_seq, id) order: the sort values, in JavaBin, Base64-encoded. Solr
     * skips what sorts before it while collecting, so a page is one query whatever the number of
     * documents sharing the cursor's millisecond; a tie clause listing them cost a query and a
     * parsed id list per page.
     */
    static String cursorMark(long seq, String id) {
        try (JavaBinCodec codec = new JavaBinCodec(); ByteArrayOutputStream out = new ByteArrayOutputStream(64)) {
            codec.marshal(List.of(seq, id), out);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The cursor does not narrow numFound: the documents of the cursor's millisecond up to the
     * cursor (already delivered) are counted too. They are that millisecond's count less those
     * after the cursor, which this page holds all of when it reaches past that millisecond; when it
     * does not, they are counted by a cursor query of that millisecond alone, reading doc values only.
     */
    private long deliveredInMillisecond(FeedQuery q, List<FeedDocument> docs) {
        SolrQuery count = base(q.filters()).addFilterQuery("{!cache=false}" + SEQ + ":" + q.afterSeq()).setRows(0);
        long inMillisecond = query(count).getResults().getNumFound();
        long after = docs.stream().filter(d -> d.seq() == q.afterSeq()).count();
        if (after == docs.size() && !docs.isEmpty()) {
            SolrQuery rest = base(q.filters()).addFilterQuery("{!cache=false}" + SEQ + ":" + q.afterSeq())
                    .setSort(SEQ, SolrQuery.ORDER.asc).addSort("id", SolrQuery.ORDER.asc).setRows(MAX_PER_MILLISECOND)
                    .setFields(SEQ);
            rest.set(CursorMarkParams.CURSOR_MARK_PARAM, cursorMark(q.afterSeq(), q.afterId()));
            after = query(rest).getResults().size();
        }
        return Math.max(0, inMillisecond - after);
    }

    /**
     * Everything numbered below the page's upper bound must be visible before it is read: batches
     * of this node are awaited in memory, another node's through its MongoDB marker.
     */
    private void awaitCommitted(long untilSeq) {
        long deadline = System.nanoTime() + COMMIT_WAIT.toNanos();
        boolean committed = sequencer.awaitCommittedBelow(untilSeq, COMMIT_WAIT);
        while (committed && inFlight.othersBelow(untilSeq)) {
            if (System.nanoTime() > deadline) {
                committed = false;
                break;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                committed = false;
            }
        }
        if (!committed) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Search unavailable",
                    "An index commit is still in progress; retry later");
        }
    }

    @Override
    public Optional<FeedDocument> document(String id, Map<String, Collection<String>> filters,
            Collection<String> fields) {
        SolrQuery sq = base(filters);
        sq.addFilterQuery("{!term f=id}" + id);
        sq.setRows(1);
        fields(sq, fields);
        return query(sq).getResults().stream().findFirst().map(d -> toFeed(d, fields));
    }

    @Override
    public OptionalLong firstSeq(Map<String, Collection<String>> filters) {
        SolrQuery sq = base(filters).setSort(SEQ, SolrQuery.ORDER.asc).setRows(1).setFields(SEQ);
        return query(sq).getResults().stream().findFirst()
                .map(d -> OptionalLong.of(((Number) d.getFieldValue(SEQ)).longValue())).orElse(OptionalLong.empty());
    }

    @Override
    public List<FacetValue> values(String field, Map<String, Collection<String>> filters, int limit) {
        SolrQuery sq = base(filters).setRows(0).setFacet(true).addFacetField(field).setFacetMinCount(1)
                .setFacetLimit(limit);
        FacetField f = query(sq).getFacetField(field);
        return f == null || f.getValues() == null ? List.of()
                : f.getValues().stream().map(c -> new FacetValue(c.getName(), c.getCount())).toList();
    }

    private static SolrQuery base(Map<String, Collection<String>> filters) {
        SolrQuery sq = new SolrQuery("*:*");
        sq.addFilterQuery(SEQ + ":[* TO *]");
        filters.forEach((field, values) -> sq.addFilterQuery(values.stream()
                .map(v -> field + ":" + ClientUtils.escapeQueryChars(v)).collect(Collectors.joining(" OR "))));
        return sq;
    }

    private static void fields(SolrQuery sq, Collection<String> fields) {
        sq.setFields("id", SEQ, "deleted");
        fields.forEach(sq::addField);
    }

    private static FeedDocument toFeed(SolrDocument d, Collection<String> wanted) {
        Map<String, Object> fields = new HashMap<>();
        for (String f : wanted) {
            Collection<Object> values = d.getFieldValues(f);
            if (values != null) {
                fields.put(f, values.size() == 1 && !f.endsWith("_ss") ? values.iterator().next() : List.copyOf(values));
            }
        }
        return new FeedDocument((String) d.getFieldValue("id"), ((Number) d.getFieldValue(SEQ)).longValue(),
                Boolean.TRUE.equals(d.getFieldValue("deleted")), fields);
    }

    private QueryResponse query(SolrQuery sq) {
        try {
            return solr.client().query(solr.collection(), sq);
        } catch (SolrServerException | IOException | SolrException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Search unavailable",
                    "The index cannot answer now; retry later").with("cause", SolrUnavailableException.describe(e));
        }
    }
}
