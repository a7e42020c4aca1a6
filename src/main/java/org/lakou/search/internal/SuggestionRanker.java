package org.lakou.search.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.lakou.search.SubjectSuggestion;
import org.lakou.search.internal.ConceptTagger.Mention;
import org.lakou.search.internal.ConceptTagger.Tagged;
import org.lakou.thesaurus.Concept;

/**
 * Turns the Tagger's mentions into ranked suggestions. Pure: the thesaurus comes in as a lookup.
 * Score = {@value #TITLE_WEIGHT} × title mentions + text mentions; ties go to the deeper (more
 * specific) concept, then the label. Acronym labels ("PRE", "ZUS") only count when written in
 * capitals, so the word "pré" is not the Programme de réussite éducative.
 */
final class SuggestionRanker {

    static final int TITLE_WEIGHT = 5;
    private static final int MAX_MATCHED_TEXTS = 5;
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Pattern ACRONYM = Pattern.compile("[\\p{Lu}\\d][\\p{Lu}\\d&-]{1,7}");

    private SuggestionRanker() {
    }

    private static final class Tally {
        final Concept concept;
        int title;
        int text;
        final Set<String> texts = new LinkedHashSet<>();

        Tally(Concept concept) {
            this.concept = concept;
        }
    }

    /**
     * @param targetOf the record list a concept goes to ({@code subjects}, {@code territories}),
     *                 null when the concept is not to be suggested
     */
    static List<SubjectSuggestion> rank(Tagged title, Tagged text, Function<String, Optional<Concept>> concepts,
            Function<Concept, String> targetOf, int limit) {
        Map<String, Tally> tallies = new HashMap<>();
        count(title, true, tallies, concepts);
        count(text, false, tallies, concepts);
        List<SubjectSuggestion> out = new ArrayList<>();
        for (Tally t : tallies.values()) {
            String target = targetOf.apply(t.concept);
            if (target == null) {
                continue;
            }
            double score = TITLE_WEIGHT * t.title + t.text;
            out.add(new SubjectSuggestion(t.concept.uri(), t.concept.label("fr"), t.concept.schemeUri(), target,
                    score, t.title + t.text, t.title, t.concept.depth(),
                    t.texts.stream().limit(MAX_MATCHED_TEXTS).toList(), null, false));
        }
        out.sort(Comparator.comparingDouble(SubjectSuggestion::score).reversed()
                .thenComparing(Comparator.comparingInt(SubjectSuggestion::depth).reversed())
                .thenComparing(s -> fold(s.label()))
                .thenComparing(SubjectSuggestion::uri));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    private static void count(Tagged tagged, boolean inTitle, Map<String, Tally> tallies,
            Function<String, Optional<Concept>> concepts) {
        for (Mention m : tagged.mentions()) {
            for (String uri : m.conceptUris()) {
                Optional<Concept> c = concepts.apply(uri);
                if (c.isEmpty() || c.get().deprecated() || !counts(m.text(), c.get())) {
                    continue;
                }
                Tally t = tallies.computeIfAbsent(uri, u -> new Tally(c.get()));
                if (inTitle) {
                    t.title++;
                } else {
                    t.text++;
                }
                t.texts.add(m.text().strip());
            }
        }
    }

    /**
     * False when a single word not written in capitals matched a concept that has an acronym
     * label and no ordinary one-word label of the same form ("pré", "Pré" for PRE; "divers" for
     * DIV, through stemming). Phrases and words in capitals always count.
     */
    static boolean counts(String matched, Concept c) {
        String m = matched.strip();
        if (ACRONYM.matcher(m).matches() || m.contains(" ") || m.contains("-")) {
            return true;
        }
        String folded = stem(fold(m));
        boolean hasAcronym = false;
        for (String label : allLabels(c)) {
            if (ACRONYM.matcher(label.strip()).matches()) {
                hasAcronym = true;
            } else if (stem(fold(label)).equals(folded)) {
                return true;
            }
        }
        return !hasAcronym;
    }

    private static List<String> allLabels(Concept c) {
        List<String> out = new ArrayList<>(c.prefLabels().values());
        c.altLabels().values().forEach(out::addAll);
        c.hiddenLabels().values().forEach(out::addAll);
        return out;
    }

    /** Lower case, no accents, no elided article. */
    static String fold(String s) {
        String f = DIACRITICS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT).strip();
        return f.replaceFirst("^(?:l|d|qu|j|m|n|s|t|c)['’]", "");
    }

    private static String stem(String s) {
        return s.endsWith("s") || s.endsWith("x") ? s.substring(0, s.length() - 1) : s;
    }
}
