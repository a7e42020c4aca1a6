package org.lakou.stats.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.lakou.stats.ActivityReport;
import org.lakou.thesaurus.Concept;
import org.lakou.thesaurus.ThesaurusApi;

/**
 * Subjects to themes for one report: a theme is a top concept among a subject and all its
 * broader concepts (every path of a polyhierarchy). Lookups are remembered, because a year's
 * items share a few hundred subjects at most.
 */
final class Themes {

    private static final String NO_THEME_LABEL = "Sans thème";

    private final ThesaurusApi thesaurus;
    private final Map<String, Set<String>> bySubject = new HashMap<>();
    private final Map<String, Optional<Concept>> concepts = new HashMap<>();

    Themes(ThesaurusApi thesaurus) {
        this.thesaurus = thesaurus;
    }

    /** The themes of an item with these subjects; {@link ActivityReport#NO_THEME} alone when there is none. */
    Set<String> of(Collection<String> subjects) {
        Set<String> themes = new TreeSet<>();
        if (subjects != null) {
            subjects.forEach(s -> themes.addAll(bySubject.computeIfAbsent(s, this::resolve)));
        }
        return themes.isEmpty() ? Set.of(ActivityReport.NO_THEME) : themes;
    }

    /** French labels of these theme keys. */
    Map<String, String> labels(Collection<String> keys) {
        Map<String, String> labels = new HashMap<>();
        for (String k : keys) {
            labels.put(k, ActivityReport.NO_THEME.equals(k) ? NO_THEME_LABEL
                    : concept(k).map(c -> c.label("fr")).orElse(k));
        }
        return labels;
    }

    private Set<String> resolve(String subject) {
        if (concept(subject).isEmpty()) {
            return Set.of();
        }
        List<String> lineage = new ArrayList<>();
        lineage.add(subject);
        lineage.addAll(thesaurus.ancestorUris(subject));
        Set<String> tops = new TreeSet<>();
        for (String uri : lineage) {
            concept(uri).filter(c -> c.topConcept() || c.broader().isEmpty()).ifPresent(c -> tops.add(c.uri()));
        }
        return tops;
    }

    private Optional<Concept> concept(String uri) {
        return concepts.computeIfAbsent(uri, thesaurus::concept);
    }
}
