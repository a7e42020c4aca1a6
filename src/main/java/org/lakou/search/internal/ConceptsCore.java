package org.lakou.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.lakou.thesaurus.Concept;
import org.springframework.stereotype.Component;

/**
 * Writes the concepts core: one document per live concept, stamped with the run's generation;
 * documents of older generations (concepts since removed or deprecated) are deleted by query in
 * the same commit.
 */
@Component
class ConceptsCore {

    private static final int CHUNK = 1_000;

    private final SolrConnection solr;
    private long lastGeneration;

    ConceptsCore(SolrConnection solr) {
        this.solr = solr;
    }

    /** @return how many concepts were indexed; @throws SolrUnavailableException */
    synchronized int replaceAll(Collection<Concept> concepts) {
        long generation = Math.max(System.currentTimeMillis(), lastGeneration + 1);
        String coll = solr.conceptsCollection();
        try {
            List<SolrInputDocument> chunk = new ArrayList<>();
            int n = 0;
            for (Concept c : concepts) {
                if (c.deprecated()) {
                    continue;
                }
                chunk.add(toDocument(c, generation));
                n++;
                if (chunk.size() >= CHUNK) {
                    solr.client().add(coll, chunk);
                    chunk = new ArrayList<>();
                }
            }
            if (!chunk.isEmpty()) {
                solr.client().add(coll, chunk);
            }
            solr.client().deleteByQuery(coll, "*:* -generation:" + generation);
            solr.client().commit(coll, true, true);
            lastGeneration = generation;
            return n;
        } catch (SolrServerException | IOException | SolrException e) {
            throw new SolrUnavailableException("Concepts core update failed", e);
        }
    }

    static SolrInputDocument toDocument(Concept c, long generation) {
        SolrInputDocument d = new SolrInputDocument();
        d.setField("id", c.uri());
        if (c.schemeUri() != null) {
            d.setField("scheme", c.schemeUri());
        }
        d.setField("local", c.local());
        d.setField("depth", c.depth());
        d.setField("generation", generation);
        c.prefLabels().forEach((lang, label) -> {
            if (label != null && !label.isBlank()) {
                d.addField("prefLabel", label);
                d.addField("prefLabel_" + langKey(lang), label);
            }
        });
        labels(d, "altLabel", c.altLabels(), true);
        labels(d, "hiddenLabel", c.hiddenLabels(), false);
        return d;
    }

    private static void labels(SolrInputDocument d, String field, Map<String, List<String>> byLang, boolean perLang) {
        byLang.forEach((lang, labels) -> labels.stream().filter(l -> l != null && !l.isBlank()).forEach(l -> {
            d.addField(field, l);
            if (perLang) {
                d.addField(field + "_" + langKey(lang), l);
            }
        }));
    }

    /** A field-name-safe language key: {@code fr}, {@code pt_br}, {@code und} for untagged. */
    private static String langKey(String lang) {
        String key = lang == null ? "" : lang.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        return key.isEmpty() ? "und" : key;
    }
}
