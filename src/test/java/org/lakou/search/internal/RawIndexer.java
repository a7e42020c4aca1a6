package org.lakou.search.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.SolrInputDocument;
import org.bson.Document;
import org.lakou.thesaurus.Concept;
import org.lakou.thesaurus.ThesaurusApi;

/**
 * The baseline of the reindex benchmark: what any program indexing these records from MongoDB
 * must do, written plainly, producing the same documents as Lakou. One thread scans {@code records}
 * with the driver, reads each batch's texts with one {@code $in} and the fields only Lakou computes
 * (its OAI renderings, sets, state, source, work key, feed seq, shape revision) with a second
 * {@code $in} on {@link #EXTRA_COLLECTION}, copied there from Lakou's own index before the timed run;
 * maps the same search fields Lakou indexes (the subject ancestors and labels from a map built once),
 * adds the batch and hard-commits it, as Lakou's indexer does before acknowledging. So Solr gets the
 * same fields and sizes on both sides; what the raw side does not do is Lakou's own work around Solr:
 * the outbox, rendering the OAI XML, set histories, fingerprints and feed numbering, and the write-back
 * of the indexed versions.
 */
final class RawIndexer {

    static final String EXTRA_COLLECTION = "bench_raw_extra";
    /** The stored fields of Lakou's documents that no search mapping computes from the record alone. */
    static final List<String> EXTRA = List.of(RecordDocuments.DOC_REV, "oai_dc_xml", "mods_xml", "oai_seq",
            "oai_sets_ss", "oai_state_s", "source_s", "work_s");

    private final MongoDatabase db;
    private final SolrClient solr;
    private final String core;
    private final int batchSize;
    private final Map<String, List<String>> ancestors = new HashMap<>();
    private final Map<String, Set<String>> labels = new HashMap<>();

    RawIndexer(MongoDatabase db, SolrClient solr, String core, int batchSize, ThesaurusApi thesaurus) {
        this.db = db;
        this.solr = solr;
        this.core = core;
        this.batchSize = batchSize;
        for (Concept c : thesaurus.allConcepts()) {
            ancestors.put(c.uri(), thesaurus.ancestorUris(c.uri()));
            labels.put(c.uri(), RecordDocuments.labelsOf(c));
        }
    }

    /** Indexes every live record; returns how many. */
    long run() throws Exception {
        return run(Long.MAX_VALUE);
    }

    /** Indexes the first {@code limit} live records (a JIT warm-up of the shared Solr code, untimed). */
    long run(long limit) throws Exception {
        long n = 0;
        List<Document> batch = new ArrayList<>(batchSize);
        for (Document d : db.getCollection("records").find(Filters.eq("deleted", false)).batchSize(batchSize)
                .limit((int) Math.min(limit, Integer.MAX_VALUE))) {
            batch.add(d);
            if (batch.size() == batchSize) {
                n += flush(batch);
            }
        }
        return n + flush(batch);
    }

    private int flush(List<Document> batch) throws Exception {
        if (batch.isEmpty()) {
            return 0;
        }
        List<String> fileIds = new ArrayList<>();
        batch.forEach(d -> files(d).forEach(f -> fileIds.add(f.getString("_id") != null ? f.getString("_id")
                : f.getString("id"))));
        Map<String, String> texts = new HashMap<>();
        for (Document t : db.getCollection("record_texts").find(Filters.in("_id", fileIds)).batchSize(batchSize)) {
            texts.put(t.getString("_id"), t.getString("text"));
        }
        Map<String, Document> extras = new HashMap<>();
        List<String> ids = batch.stream().map(d -> d.getString("_id")).toList();
        for (Document e : db.getCollection(EXTRA_COLLECTION).find(Filters.in("_id", ids)).batchSize(batchSize)) {
            extras.put(e.getString("_id"), e);
        }
        List<SolrInputDocument> docs = new ArrayList<>(batch.size());
        for (Document d : batch) {
            SolrInputDocument doc = map(d, texts);
            Document extra = extras.get(d.getString("_id"));
            if (extra != null) {
                extra.forEach((k, v) -> {
                    if (!"_id".equals(k)) {
                        doc.setField(k, v);
                    }
                });
            }
            docs.add(doc);
        }
        solr.add(core, docs);
        solr.commit(core, true, true);
        int n = batch.size();
        batch.clear();
        return n;
    }

    @SuppressWarnings("unchecked")
    private static List<Document> files(Document d) {
        Object f = d.get("files");
        return f == null ? List.of() : (List<Document>) f;
    }

    @SuppressWarnings("unchecked")
    SolrInputDocument map(Document r, Map<String, String> texts) {
        SolrInputDocument d = new SolrInputDocument();
        d.setField("id", r.getString("_id"));
        d.setField("deleted", false);
        d.setField("status", r.getString("status").toLowerCase(Locale.ROOT));
        d.setField("version", ((Number) r.get("version")).longValue());
        d.setField("modified", r.getDate("modified"));
        if (r.getDate("published") != null) {
            d.setField(RecordDocuments.PUBLISHED, r.getDate("published"));
        }
        for (String f : List.of("collection", "title", "subtitle", "publisher", "type", "date", "language")) {
            set(d, f, r.getString(f));
        }
        set(d, "abstract", r.getString("summary"));
        StringBuilder text = new StringBuilder();
        for (Document f : files(r)) {
            String t = texts.get(f.getString("_id") != null ? f.getString("_id") : f.getString("id"));
            if (t != null) {
                text.append(text.isEmpty() ? "" : "\n\n").append(t);
            }
        }
        String level = r.getString("accessLevel").toLowerCase(Locale.ROOT);
        set(d, "text_" + level, text.toString());
        String date = r.getString("date");
        if (date != null && date.length() >= 4) {
            d.setField("year", Integer.valueOf(date.substring(0, 4)));
        }
        List<String> creators = (List<String>) r.get("creators");
        if (creators != null && !creators.isEmpty()) {
            d.setField("creators", creators);
        }
        List<String> subjects = (List<String>) r.get("subjects");
        if (subjects != null && !subjects.isEmpty()) {
            d.setField("subjects", subjects);
            Set<String> up = new LinkedHashSet<>();
            Set<String> words = new LinkedHashSet<>();
            for (String s : subjects) {
                up.add(s);
                up.addAll(ancestors.getOrDefault(s, List.of()));
                words.addAll(labels.getOrDefault(s, Set.of()));
            }
            d.setField("subject_ancestors", List.copyOf(up));
            d.setField("subject_labels", List.copyOf(words));
        }
        List<String> territories = (List<String>) r.get("territories");
        if (territories != null && !territories.isEmpty()) {
            d.setField("territories", territories);
        }
        d.setField("accessLevel", level);
        d.setField("title_sort", RecordDocuments.titleSortKey(r.getString("title")));
        return d;
    }

    /**
     * Copies the {@link #EXTRA} fields of every document in Lakou's core into {@link #EXTRA_COLLECTION},
     * untimed, so the raw side can index them as stored data; returns how many documents.
     */
    static long copyExtras(SolrClient solr, String core, MongoDatabase db) throws Exception {
        var target = db.getCollection(EXTRA_COLLECTION);
        target.drop();
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        long n = 0;
        while (true) {
            SolrQuery q = new SolrQuery("*:*").setRows(1_000).setSort("id", SolrQuery.ORDER.asc).setFields("id");
            EXTRA.forEach(q::addField);
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse r = solr.query(core, q);
            List<Document> out = new ArrayList<>();
            for (SolrDocument d : r.getResults()) {
                Document e = new Document("_id", d.getFieldValue("id"));
                for (String f : EXTRA) {
                    Collection<Object> v = d.getFieldValues(f);
                    if (v != null) {
                        e.append(f, f.endsWith("_ss") ? List.copyOf(v) : v.iterator().next());
                    }
                }
                out.add(e);
            }
            if (!out.isEmpty()) {
                target.insertMany(out);
            }
            n += out.size();
            if (cursor.equals(r.getNextCursorMark())) {
                return n;
            }
            cursor = r.getNextCursorMark();
        }
    }

    /** The same documents on both sides: every stored field of 20 of them, Solr's own _version_ aside. */
    static String compare(SolrClient solr, String lakouCore, String rawCore) throws Exception {
        TreeSet<String> differ = new TreeSet<>();
        long chars = 0;
        for (SolrDocument one : solr.query(lakouCore, new SolrQuery("*:*").setRows(20)
                .setSort("id", SolrQuery.ORDER.asc).setFields("*")).getResults()) {
            SolrDocument other = solr.query(rawCore, new SolrQuery("id:" + one.getFieldValue("id"))
                    .setFields("*")).getResults().get(0);
            TreeSet<String> names = new TreeSet<>(one.getFieldNames());
            names.addAll(other.getFieldNames());
            names.remove("_version_");
            for (String f : names) {
                if (!String.valueOf(one.getFieldValues(f)).equals(String.valueOf(other.getFieldValues(f)))) {
                    differ.add(f);
                }
                chars += String.valueOf(one.getFieldValues(f)).length();
            }
        }
        return String.format(Locale.ROOT, "20 documents compared field by field (%,d stored chars each on average): "
                + "fields that differ: %s", chars / 20, differ);
    }

    private static void set(SolrInputDocument d, String field, String value) {
        if (value != null && !value.isBlank()) {
            d.setField(field, value);
        }
    }
}
