package org.lakou.thesaurus;

import java.util.List;
import java.util.Map;

/**
 * The outcome of checking an import. Errors block it, warnings don't. A large vocabulary can raise
 * thousands of warnings of one kind, so each code keeps its first findings and {@code counts} holds
 * the full tally; {@code truncated} says some were left out.
 */
public record QualityReport(List<QualityFinding> errors, List<QualityFinding> warnings, Map<String, Integer> counts,
        boolean truncated) {

    public QualityReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        counts = Map.copyOf(counts);
    }

    public boolean blocking() {
        return !errors.isEmpty();
    }

    public boolean has(String code) {
        return counts.getOrDefault(code, 0) > 0;
    }
}
