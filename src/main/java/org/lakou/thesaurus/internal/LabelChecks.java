package org.lakou.thesaurus.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.DC_11;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/** Label findings: missing, repeated, empty, untagged, ambiguous within a scheme. */
final class LabelChecks {

    private static final Property[] LABELS = {SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel};
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    private LabelChecks() {
    }

    static void run(SkosView v, Findings f) {
        Map<String, List<String>> prefByKey = new TreeMap<>();
        for (String c : v.concepts) {
            Resource r = v.resource(c);
            if (r == null) {
                continue;
            }
            List<Literal> prefs = literals(r, SKOS.prefLabel);
            if (prefs.isEmpty() && v.described.contains(c)) {
                f.warn("missing-preflabel", c, "Concept has no skos:prefLabel");
            }
            Map<String, Integer> perLang = new HashMap<>();
            for (Literal l : prefs) {
                if (perLang.merge(l.getLanguage(), 1, Integer::sum) == 2) {
                    f.warn("multiple-preflabels", c, "More than one skos:prefLabel in language '" + l.getLanguage() + "'");
                }
            }
            Set<String> seen = new HashSet<>();
            for (Property p : LABELS) {
                for (Literal l : literals(r, p)) {
                    checkLiteral(c, p, l, f);
                    String k = l.getLanguage() + "\u0000" + l.getLexicalForm();
                    if (!seen.add(k)) {
                        f.warn("disjoint-labels", c, "'" + l.getLexicalForm() + "' is used by two label properties");
                    }
                }
            }
            Set<String> schemes = v.inScheme.getOrDefault(c, Set.of(""));
            for (Literal l : prefs) {
                for (String s : schemes) {
                    String key = s + "\u0000" + l.getLanguage() + "\u0000" + l.getLexicalForm().trim().toLowerCase(Locale.ROOT);
                    if (!l.getLexicalForm().isBlank()) {
                        prefByKey.computeIfAbsent(key, x -> new ArrayList<>()).add(c);
                    }
                }
            }
        }
        for (String c : v.concepts) {
            Resource r = v.resource(c);
            if (r == null) {
                continue;
            }
            for (Literal l : literals(r, SKOS.altLabel)) {
                for (String s : v.inScheme.getOrDefault(c, Set.of(""))) {
                    String key = s + "\u0000" + l.getLanguage() + "\u0000" + l.getLexicalForm().trim().toLowerCase(Locale.ROOT);
                    prefByKey.getOrDefault(key, List.of()).stream().filter(o -> !o.equals(c)).findFirst()
                            .ifPresent(o -> f.warn("overlapping-labels", c, "altLabel '" + l.getLexicalForm()
                                    + "' is the prefLabel of " + o));
                }
            }
        }
        prefByKey.forEach((key, cs) -> {
            if (new HashSet<>(cs).size() > 1) {
                String label = key.substring(key.lastIndexOf('\u0000') + 1);
                f.warn("duplicate-preflabel", cs.get(1), "prefLabel '" + label + "' is also used by " + cs.get(0));
            }
        });
        languageTags(v, f);
        for (String s : v.schemes) {
            Resource r = v.resource(s);
            if (r != null && !r.hasProperty(RDFS.label) && !r.hasProperty(DCTerms.title) && !r.hasProperty(DC_11.title)
                    && !r.hasProperty(SKOS.prefLabel)) {
                f.warn("unlabelled-scheme", s, "Concept scheme has no label or title");
            }
        }
    }

    private static void checkLiteral(String c, Property p, Literal l, Findings f) {
        String name = "skos:" + p.getLocalName();
        if (l.getLexicalForm().isBlank()) {
            f.warn("empty-label", c, "Empty " + name);
        }
        if (l.getLanguage().isEmpty()) {
            f.warn("untagged-label", c, name + " '" + l.getLexicalForm() + "' has no language tag");
        }
        if (l.getLexicalForm().codePoints().anyMatch(cp -> Character.isISOControl(cp) || cp == 0xFFFD)) {
            f.warn("unprintable-characters", c, name + " contains control or replacement characters");
        }
    }

    /** Every tagged literal: the primary subtag must be an ISO 639 code; private-use tags are not. */
    private static void languageTags(SkosView v, Findings f) {
        Set<String> reported = new HashSet<>();
        v.model.listStatements().forEachRemaining(st -> {
            RDFNode o = st.getObject();
            if (o.isLiteral() && !o.asLiteral().getLanguage().isEmpty()) {
                String tag = o.asLiteral().getLanguage();
                String primary = tag.split("-")[0].toLowerCase(Locale.ROOT);
                boolean valid = primary.length() == 2 ? ISO_639_1.contains(primary)
                        : primary.length() == 3 && primary.chars().allMatch(Character::isLetter);
                if (!valid && reported.add(SkosView.key(st.getSubject()) + tag)) {
                    f.warn("invalid-language-tag", SkosView.key(st.getSubject()), "Language tag '" + tag + "' is not ISO 639");
                }
            }
        });
    }

    private static List<Literal> literals(Resource r, Property p) {
        List<Literal> out = new ArrayList<>();
        r.listProperties(p).forEachRemaining(st -> {
            if (st.getObject().isLiteral()) {
                out.add(st.getLiteral());
            }
        });
        return out;
    }
}
