package org.lakou.thesaurus.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.SubjectRemap;
import org.lakou.shared.ApiException;
import org.lakou.thesaurus.ApplyResult;
import org.lakou.thesaurus.Concept;
import org.lakou.thesaurus.SchemeDiff;
import org.lakou.thesaurus.ThesaurusChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Makes a version current: swaps the snapshot first (so readers and re-indexing see the new
 * labels), then asks the catalogue to remap records using deprecated or removed concepts, then
 * tells listeners. Callers serialise calls.
 */
@Component
class VersionApplier {

    private static final int MAX_CHAIN = 10;

    private final VersionStore store;
    private final ThesaurusState state;
    private final CatalogueApi catalogue;
    private final ApplicationEventPublisher events;

    VersionApplier(VersionStore store, ThesaurusState state, CatalogueApi catalogue, ApplicationEventPublisher events) {
        this.store = store;
        this.state = state;
        this.catalogue = catalogue;
        this.events = events;
    }

    /**
     * @param choices the staff's remappings: deprecated (or removed) URI to target, {@code ""} for
     *                none; checked before anything changes, so a bad choice leaves the version unapplied
     */
    ApplyResult apply(SchemeState next, Map<String, String> choices) {
        SchemeState previous = state.graph().schemes.get(next.id());
        List<ConceptData> before = previous == null ? List.of() : previous.concepts();
        SchemeDiff diff = SchemeDiffer.diff(next.id(), previous == null ? 0 : previous.version(), next.version(),
                before, next.concepts());
        check(choices, next, diff);
        store.setCurrent(next.id(), next.version());
        ConceptGraph graph = state.put(next);

        Map<String, String> replacements = new LinkedHashMap<>();
        Set<String> without = new HashSet<>(diff.removed());
        for (ConceptData d : next.concepts()) {
            if (d.deprecated()) {
                without.add(d.uri());
            }
        }
        for (String uri : new java.util.TreeSet<>(without)) {
            String target = choices.containsKey(uri) ? choices.get(uri) : resolve(uri, graph);
            if (target != null && !target.isEmpty()) {
                without.remove(uri);
                replacements.put(uri, target);
            }
        }
        SubjectRemap.Outcome outcome = replacements.isEmpty() && without.isEmpty()
                ? new SubjectRemap.Outcome(List.of(), List.of())
                : catalogue.remapSubjects(new SubjectRemap(replacements, without));
        Set<String> affected = previous == null ? allUris(next) : VersionService.affected(diff, graph);
        events.publishEvent(new ThesaurusChanged(next.uri(), next.version(), affected));
        return new ApplyResult(next.id(), next.version(), previous == null ? null : previous.version(), replacements,
                new ArrayList<>(new java.util.TreeSet<>(without)), outcome.remapped(), outcome.flagged());
    }

    /** A choice must be about a concept this version retires, and name a live concept (or none). */
    private void check(Map<String, String> choices, SchemeState next, SchemeDiff diff) {
        Map<String, ConceptData> incoming = new java.util.HashMap<>();
        next.concepts().forEach(d -> incoming.put(d.uri(), d));
        ConceptGraph current = state.graph();
        choices.forEach((from, to) -> {
            ConceptData d = incoming.get(from);
            if (!(d != null && d.deprecated()) && !diff.removed().contains(from)) {
                throw ApiException.badRequest("Version " + next.version() + " of " + next.id()
                        + " neither deprecates nor removes " + from);
            }
            if (to == null || to.isEmpty()) {
                return;
            }
            ConceptData t = incoming.get(to);
            Concept other = current.byUri.get(to);
            boolean live = t != null ? !t.deprecated()
                    : other != null && !other.deprecated() && !next.uri().equals(other.schemeUri());
            if (!live) {
                throw ApiException.badRequest("The replacement " + to + " for " + from
                        + " is not a live concept once version " + next.version() + " is applied");
            }
        });
    }

    /** Follows dct:isReplacedBy through replacements that are themselves deprecated. */
    private static String resolve(String uri, ConceptGraph graph) {
        Concept c = graph.byUri.get(uri);
        String target = c == null ? null : c.replacedBy();
        for (int i = 0; i < MAX_CHAIN && target != null; i++) {
            Concept t = graph.byUri.get(target);
            if (t == null || !t.deprecated() || t.replacedBy() == null || t.replacedBy().equals(uri)) {
                break;
            }
            target = t.replacedBy();
        }
        return target;
    }

    private static Set<String> allUris(SchemeState s) {
        Set<String> out = new HashSet<>();
        s.concepts().forEach(d -> out.add(d.uri()));
        return out;
    }
}
