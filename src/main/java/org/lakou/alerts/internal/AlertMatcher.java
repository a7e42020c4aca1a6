package org.lakou.alerts.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

import org.lakou.catalogue.Record;
import org.lakou.thesaurus.Concept;
import org.lakou.thesaurus.ThesaurusApi;
import org.springframework.stereotype.Component;

/**
 * Turns an alert's criteria into a test on records. Concepts and territories are widened with the
 * thesaurus at sending time (narrower concepts; the replacement of a deprecated one, since records
 * are remapped to it), so alerts follow thesaurus versions without being edited.
 */
@Component
class AlertMatcher {

    private final ThesaurusApi thesaurus;

    AlertMatcher(ThesaurusApi thesaurus) {
        this.thesaurus = thesaurus;
    }

    Predicate<Record> of(AlertDocument a) {
        Set<String> concepts = widen(a.concepts);
        Set<String> territories = widen(a.territories);
        Set<String> types = Set.copyOf(a.types);
        // isPublic: published, not a tombstone, not staff-only (public and members records are announced)
        return r -> r.isPublic()
                && r.subjects().stream().anyMatch(concepts::contains)
                && (types.isEmpty() || types.contains(r.type()))
                && (territories.isEmpty() || r.territories().stream().anyMatch(territories::contains));
    }

    private Set<String> widen(Collection<String> uris) {
        Set<String> out = new HashSet<>();
        for (String uri : uris) {
            out.add(uri);
            out.addAll(thesaurus.descendants(uri));
            thesaurus.concept(uri).filter(Concept::deprecated).map(Concept::replacedBy).ifPresent(next -> {
                out.add(next);
                out.addAll(thesaurus.descendants(next));
            });
        }
        return out;
    }
}
