package org.lakou.search.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.common.SolrInputDocument;
import org.bson.Document;
import org.lakou.thesaurus.Concept;
import org.lakou.thesaurus.ThesaurusApi;

/**
 * The baseline of the reindex benchmark: what any program indexing these records from MongoDB
 * must do, written plainly. One thread scans {@code records} with the driver, reads each batch's
 * texts with one {@code $in}, maps the same search fields Lakou indexes (the subject ancestors and
 * labels from a map built once), adds the batch and hard-commits it, as Lakou's indexer does before
 * acknowledging. It leaves out what is Lakou's own: the outbox, the feed sequence and the OAI fields.
 */
final class RawIndexer {

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
        long n = 0;
        List<Document> batch = new ArrayList<>(batchSize);
        for (Document d : db.getCollection("records").find(Filters.eq("deleted", false)).batchSize(batchSize)) {
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
        List<SolrInputDocument> docs = new ArrayList<>(batch.size());
        for (Document d : batch) {
            docs.add(map(d, texts));
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

    private static void set(SolrInputDocument d, String field, String value) {
        if (value != null && !value.isBlank()) {
            d.setField(field, value);
        }
    }
}
