package org.lakou.search.internal;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.solr.common.SolrInputDocument;
import org.lakou.catalogue.Record;
import org.lakou.search.IndexFieldContributor;
import org.lakou.thesaurus.Concept;
import org.lakou.thesaurus.ThesaurusApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Maps a catalogue record to its Solr document. Enum values go in as their lower-case codes, the
 * same strings the REST API shows, so filters read the same everywhere.
 */
@Component
class RecordDocuments {

    private static final Logger log = LoggerFactory.getLogger(RecordDocuments.class);
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    /** French filing rules ignore an initial article: "La médiation" files under M. */
    private static final Pattern INITIAL_ARTICLE = Pattern.compile("^(?:(?:le|la|les|un|une|des)\\s+|l['’]\\s*)");
    private static final Pattern CONTRIBUTED_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*_(?:s|ss|xml|dt|l)");
    private static final int SORT_KEY_LENGTH = 200;
    /** First publication here: the search API's publishedAfter filter. */
    static final String PUBLISHED = "published";
    static final String DOC_REV = "doc_rev";
    /**
     * The shape of the documents written here. Raise it when a schema change needs every record
     * written again (2: spell field and first-publication date); {@link IndexShapeMigration} does it.
     */
    static final int CURRENT_REV = 2;

    private final ObjectProvider<IndexFieldContributor> contributors;
    private final ThesaurusApi thesaurus;

    RecordDocuments(ObjectProvider<IndexFieldContributor> contributors, ThesaurusApi thesaurus) {
        this.contributors = contributors;
        this.thesaurus = thesaurus;
    }

    SolrInputDocument toDocument(Record r, String fullText) {
        return toDocument(r, fullText, null);
    }

    /** @param firstPublished when the record was first published here; null if never, or harvested */
    SolrInputDocument toDocument(Record r, String fullText, Instant firstPublished) {
        SolrInputDocument d = new SolrInputDocument();
        d.setField("id", r.id());
        d.setField(DOC_REV, CURRENT_REV);
        if (firstPublished != null && !r.deleted()) {
            d.setField(PUBLISHED, Date.from(firstPublished));
        }
        d.setField("deleted", r.deleted());
        d.setField("status", r.status().code());
        d.setField("version", r.version());
        if (r.modified() != null) {
            d.setField("modified", Date.from(r.modified()));
        }
        if (r.collection() != null) {
            d.setField("collection", r.collection());
        }
        // a tombstone tells harvesters only that the record existed; its content is gone
        if (!r.deleted()) {
            content(d, r, fullText);
        }
        contributed(d, r);
        return d;
    }

    private void content(SolrInputDocument d, Record r, String fullText) {
        setIfPresent(d, "title", r.title());
        setIfPresent(d, "subtitle", r.subtitle());
        setIfPresent(d, "abstract", r.summary());
        // in the field of the files' access level: a query reaches only the fields its reader may read
        String text = fullText == null || fullText.isBlank() ? null : fullText;
        setIfPresent(d, SolrQueries.textField(r.accessLevel()), text);
        setIfPresent(d, "publisher", r.publisher());
        setIfPresent(d, "type", r.type());
        setIfPresent(d, "date", r.date());
        setIfPresent(d, "language", r.language());
        if (r.year() != null) {
            d.setField("year", r.year());
        }
        if (!r.creators().isEmpty()) {
            d.setField("creators", r.creators());
        }
        if (!r.subjects().isEmpty()) {
            d.setField("subjects", r.subjects());
            subjects(d, r.subjects());
        }
        if (!r.territories().isEmpty()) {
            d.setField("territories", r.territories());
        }
        d.setField("accessLevel", r.accessLevel().code());
        String sortKey = titleSortKey(r.title());
        if (!sortKey.isEmpty()) {
            d.setField("title_sort", sortKey);
        }
    }

    /**
     * Each subject with all its broader concepts, for the facet tree and the narrower filter, and
     * the subjects' labels in every language. A URI the thesaurus does not know (yet) is kept as
     * itself: it still filters and facets, only without ancestors and labels.
     */
    private void subjects(SolrInputDocument d, List<String> subjects) {
        Set<String> ancestors = new LinkedHashSet<>();
        Set<String> labels = new LinkedHashSet<>();
        for (String uri : subjects) {
            ancestors.add(uri);
            ancestors.addAll(thesaurus.ancestorUris(uri));
            Optional<Concept> c = thesaurus.concept(uri);
            c.ifPresent(concept -> labels.addAll(labelsOf(concept)));
        }
        d.setField("subject_ancestors", List.copyOf(ancestors));
        if (!labels.isEmpty()) {
            d.setField("subject_labels", List.copyOf(labels));
        }
    }

    /** Pref and alt labels, every language. */
    static Set<String> labelsOf(Concept c) {
        Set<String> out = new LinkedHashSet<>(c.prefLabels().values());
        c.altLabels().values().forEach(out::addAll);
        out.removeIf(l -> l == null || l.isBlank());
        return out;
    }

    static Set<String> labelsOf(Collection<Concept> concepts) {
        Set<String> out = new LinkedHashSet<>();
        concepts.forEach(c -> out.addAll(labelsOf(c)));
        return out;
    }

    private void contributed(SolrInputDocument d, Record r) {
        for (IndexFieldContributor c : contributors.orderedStream().toList()) {
            Map<String, Object> fields = c.fieldsFor(r);
            if (fields == null) {
                continue;
            }
            fields.forEach((name, value) -> {
                if (!CONTRIBUTED_NAME.matcher(name).matches() || d.containsKey(name)) {
                    log.error("{} contributed field '{}', which is not a free dynamic field; ignored",
                            c.getClass().getSimpleName(), name);
                } else if (value != null) {
                    d.setField(name, value instanceof Instant i ? Date.from(i) : value);
                }
            });
        }
    }

    /** Lets the contributors read what they need for {@code batch} at once, before its documents are built. */
    void prepare(List<Record> batch) {
        contributors.orderedStream().forEach(c -> c.prepare(batch));
    }

    /** Lower case, no accents, no initial article, single spaces: a filing key for title order. */
    static String titleSortKey(String title) {
        if (title == null) {
            return "";
        }
        String key = DIACRITICS.matcher(Normalizer.normalize(title, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}'’]+", " ").strip();
        key = INITIAL_ARTICLE.matcher(key).replaceFirst("").replaceAll("['’]", " ").replaceAll("\\s+", " ").strip();
        return key.length() > SORT_KEY_LENGTH ? key.substring(0, SORT_KEY_LENGTH) : key;
    }

    private static void setIfPresent(SolrInputDocument d, String field, String value) {
        if (value != null && !value.isBlank()) {
            d.setField(field, value);
        }
    }
}
