package org.lakou.oai.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lakou.catalogue.DocumentTypes;
import org.lakou.catalogue.Record;
import org.lakou.oai.internal.SubjectVocabulary.VocabularyConcept;

/**
 * The sets Lakou publishes: {@code type:{slug}}, {@code collection:{slug}} and
 * {@code subject:{top}:{child}:…} along the thesaurus hierarchy. A record belongs to the set of
 * each of its subjects (and territories, which are concepts too) and of every ancestor, along every
 * path when a concept has several broader concepts.
 */
public final class SetSpecs {

    public static final String TYPE = "type:";
    public static final String COLLECTION = "collection:";
    public static final String SUBJECT = "subject:";
    private static final int MAX_DEPTH = 32;

    private final SubjectVocabulary vocabulary;

    public SetSpecs(SubjectVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Every set the record is in. */
    public List<String> of(Record record) {
        Set<String> specs = new LinkedHashSet<>();
        if (record.type() != null && !Slugs.slug(record.type()).isEmpty()) {
            specs.add(TYPE + Slugs.slug(record.type()));
        }
        if (record.collection() != null && !Slugs.slug(record.collection()).isEmpty()) {
            specs.add(COLLECTION + Slugs.slug(record.collection()));
        }
        List<String> concepts = new ArrayList<>(record.subjects());
        concepts.addAll(record.territories());
        for (String subject : concepts) {
            for (List<String> path : pathsTo(subject)) {
                StringBuilder spec = new StringBuilder(SUBJECT.length() + 64).append("subject");
                for (String part : path) {
                    spec.append(':').append(part);
                    specs.add(spec.toString());
                }
            }
        }
        return List.copyOf(specs);
    }

    /** Paths of slugs from a top concept down to {@code uri}; none for an unknown concept. */
    List<List<String>> pathsTo(String uri) {
        List<List<String>> out = new ArrayList<>();
        collect(uri, new ArrayDeque<>(), new HashSet<>(), out);
        return out;
    }

    private void collect(String uri, Deque<String> below, Set<String> onPath, List<List<String>> out) {
        Optional<VocabularyConcept> found = vocabulary.concept(uri);
        if (found.isEmpty() || onPath.contains(uri) || onPath.size() > MAX_DEPTH) {
            return;
        }
        VocabularyConcept c = found.get();
        below.addFirst(Slugs.conceptSlug(c.uri(), c.notation()));
        onPath.add(uri);
        List<String> broader = c.broader().stream().filter(b -> vocabulary.concept(b).isPresent()).toList();
        if (broader.isEmpty()) {
            out.add(List.copyOf(below));
        } else {
            broader.forEach(b -> collect(b, below, onPath, out));
        }
        onPath.remove(uri);
        below.removeFirst();
    }

    /** Every set, spec to name: document types, the collections given, then the subject tree. */
    public Map<String, String> all(List<String> collections) {
        Map<String, String> sets = new LinkedHashMap<>(typesAndCollections(collections));
        sets.putAll(subjects());
        return sets;
    }

    /** The document types and these collections. */
    public Map<String, String> typesAndCollections(List<String> collections) {
        Map<String, String> sets = new LinkedHashMap<>();
        for (String type : DocumentTypes.KNOWN) {
            sets.put(TYPE + Slugs.slug(type), "Type de document : " + type);
        }
        for (String collection : collections) {
            if (!Slugs.slug(collection).isEmpty()) {
                sets.putIfAbsent(COLLECTION + Slugs.slug(collection), "Collection : " + collection);
            }
        }
        return sets;
    }

    /** The subject tree: one set per path from a top concept. */
    public Map<String, String> subjects() {
        Map<String, String> sets = new LinkedHashMap<>();
        for (VocabularyConcept top : vocabulary.topConcepts()) {
            walk(top, "subject", new HashSet<>(), sets);
        }
        return sets;
    }

    private void walk(VocabularyConcept concept, String parentSpec, Set<String> onPath, Map<String, String> sets) {
        if (!onPath.add(concept.uri()) || onPath.size() > MAX_DEPTH) {
            return;
        }
        String spec = parentSpec + ":" + Slugs.conceptSlug(concept.uri(), concept.notation());
        sets.putIfAbsent(spec, concept.label());
        for (String child : concept.narrower()) {
            vocabulary.concept(child).ifPresent(c -> walk(c, spec, onPath, sets));
        }
        onPath.remove(concept.uri());
    }
}
