package org.lakou.thesaurus.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Holds the current snapshot. Readers take {@link #graph()} once and work on it; writers build a
 * whole new snapshot and swap it in, so a reader never sees half a change.
 */
@Component
class ThesaurusState {

    private volatile ConceptGraph graph = ConceptGraph.EMPTY;

    ConceptGraph graph() {
        return graph;
    }

    synchronized ConceptGraph put(SchemeState... states) {
        Map<String, SchemeState> next = new LinkedHashMap<>(graph.schemes);
        for (SchemeState s : states) {
            next.put(s.id(), s);
        }
        // the local scheme last: its concepts hang under national ones, which should win on duplicates
        SchemeState local = next.remove(VersionStore.LOCAL_ID);
        if (local != null) {
            next.put(VersionStore.LOCAL_ID, local);
        }
        graph = new ConceptGraph(next.values());
        return graph;
    }
}
