package org.lakou.thesaurus.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.thesaurus.SchemeDiff;
import org.lakou.thesaurus.ThesaurusApi;

/**
 * What the staff review before making a version current: the diff against the current version
 * with labels instead of bare URIs, and, for each concept the version retires, the records that
 * use it and the replacement the data proposes. Built from the thesaurus and catalogue APIs only.
 */
public record VersionReview(List<Labelled> added, List<Relabel> relabelled, List<Labelled> moved, List<Retired> deprecated,
        List<Retired> removed, List<Labelled> reinstated) {

    /** A record shown next to a retired concept, linked from the page. */
    public record RecordLink(String id, String title) {
    }

    public record Labelled(String uri, String label) {
    }

    public record Relabel(String uri, String lang, String before, String after) {
    }

    /** A deprecated or removed concept; {@code proposed} is its data's replacement, or null. */
    public record Retired(String uri, String label, Labelled proposed, int recordCount, List<RecordLink> records,
            boolean removed) {
    }

    static final int RECORDS_SHOWN = 10;
    static final int KEY_READS = 200;

    static VersionReview of(SchemeDiff diff, ThesaurusApi thesaurus, CatalogueApi catalogue, String schemeId,
            String lang) {
        Labels labels = new Labels(thesaurus, thesaurus.versionLabels(schemeId, diff.to()), lang);
        Map<String, List<Record>> uses = uses(diff, catalogue);
        List<Retired> deprecated = diff.deprecated().stream().map(d -> retired(d.uri(),
                d.replacedBy() == null ? null : new Labelled(d.replacedBy(), labels.of(d.replacedBy())), labels, uses,
                false))
                .sorted(Comparator.comparing(Retired::label)).toList();
        List<Retired> removed = diff.removed().stream().map(u -> retired(u, null, labels, uses, true))
                .sorted(Comparator.comparing(Retired::label)).toList();
        return new VersionReview(labelled(diff.added(), labels), diff.relabelled().stream()
                .map(r -> new Relabel(r.uri(), r.lang(), r.before(), r.after())).toList(),
                labelled(diff.moved().stream().map(SchemeDiff.Move::uri).toList(), labels), deprecated, removed,
                labelled(diff.reinstated(), labels));
    }

    /** The concepts the version retires, deprecated first: one remapping choice each. */
    public List<Retired> retired() {
        List<Retired> out = new ArrayList<>(deprecated);
        out.addAll(removed);
        return out;
    }

    boolean isEmpty() {
        return added.isEmpty() && relabelled.isEmpty() && moved.isEmpty() && deprecated.isEmpty() && removed.isEmpty()
                && reinstated.isEmpty();
    }

    /** The records using each retired concept: one sweep for all of them, then one lookup. */
    private static Map<String, List<Record>> uses(SchemeDiff diff, CatalogueApi catalogue) {
        Set<String> retired = new LinkedHashSet<>(diff.removed());
        diff.deprecated().forEach(d -> retired.add(d.uri()));
        Map<String, List<Record>> out = new HashMap<>();
        if (retired.isEmpty()) {
            return out;
        }
        List<String> ids = catalogue.findBySubjects(retired);
        // by key when few: on the embedded Mongo an $in over ids scans the whole collection
        List<Record> records = ids.size() > KEY_READS ? catalogue.findAll(ids)
                : ids.stream().map(catalogue::find).flatMap(java.util.Optional::stream).toList();
        for (Record r : records) {
            if (r.deleted()) {
                continue;
            }
            r.subjects().stream().filter(retired::contains)
                    .forEach(s -> out.computeIfAbsent(s, k -> new ArrayList<>()).add(r));
        }
        out.values().forEach(l -> l.sort(Comparator.comparing(Record::title)));
        return out;
    }

    private static Retired retired(String uri, Labelled proposed, Labels labels, Map<String, List<Record>> uses,
            boolean removed) {
        List<Record> records = uses.getOrDefault(uri, List.of());
        return new Retired(uri, labels.of(uri), proposed, records.size(), records.stream().limit(RECORDS_SHOWN)
                .map(r -> new RecordLink(r.id(), r.title())).toList(), removed);
    }

    private static List<Labelled> labelled(List<String> uris, Labels labels) {
        return uris.stream().map(u -> new Labelled(u, labels.of(u))).sorted(Comparator.comparing(Labelled::label))
                .toList();
    }

    /** The version's own labels first (it may add concepts), then the live thesaurus, then the URI. */
    private record Labels(ThesaurusApi thesaurus, Map<String, Map<String, String>> version, String lang) {

        String of(String uri) {
            Map<String, String> own = version.get(uri);
            if (own != null && !own.isEmpty()) {
                for (String l : new String[] {lang, "fr", "en", ""}) {
                    if (own.containsKey(l)) {
                        return own.get(l);
                    }
                }
                return own.values().iterator().next();
            }
            return thesaurus.concept(uri).map(c -> c.label(lang)).orElse(uri);
        }
    }
}
