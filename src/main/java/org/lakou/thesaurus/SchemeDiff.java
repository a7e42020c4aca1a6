package org.lakou.thesaurus;

import java.util.List;

/**
 * What changed between two versions of a scheme, concept by concept. {@code reinstated} are
 * concepts deprecated in {@code from} and live again in {@code to} (e.g. when rolling back).
 */
public record SchemeDiff(String schemeId, int from, int to, List<String> added, List<String> removed,
        List<Relabel> relabelled, List<Move> moved, List<Deprecation> deprecated, List<String> reinstated) {

    /** A prefLabel changed in one language; a null side means the label was added or dropped. */
    public record Relabel(String uri, String lang, String before, String after) {
    }

    /** The broader set changed. */
    public record Move(String uri, List<String> broaderBefore, List<String> broaderAfter) {
    }

    /** Newly deprecated; {@code replacedBy} is null when the version names no successor. */
    public record Deprecation(String uri, String replacedBy) {
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && relabelled.isEmpty() && moved.isEmpty() && deprecated.isEmpty()
                && reinstated.isEmpty();
    }
}
