package org.lakou.thesaurus.internal;

import java.util.function.Predicate;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.lakou.thesaurus.QualityFinding;
import org.lakou.thesaurus.QualityReport;

/**
 * Runs the checks on a parsed import. Syntax problems and an import without concepts are errors
 * (they block); everything else is a warning, because real vocabularies carry such defects and a
 * centre must still be able to take in the network's version.
 */
final class QualityChecker {

    private QualityChecker() {
    }

    /** @param knownElsewhere concepts of other schemes already loaded, so cross-scheme links aren't "unknown" */
    static QualityReport check(RdfInput.Parsed parsed, Predicate<String> knownElsewhere) {
        Findings f = new Findings();
        f.addAll(parsed.errors());
        f.addAll(parsed.warnings());
        if (!parsed.errors().isEmpty()) {
            return f.report();
        }
        if (parsed.model().isEmpty()) {
            f.add(QualityFinding.error("empty-import", "The file holds no triples", null, null));
            return f.report();
        }
        SkosView v = new SkosView(parsed.model());
        if (v.concepts.isEmpty()) {
            f.add(QualityFinding.error("no-concepts", "The file describes no SKOS concept", null, null));
            return f.report();
        }
        LabelChecks.run(v, f);
        HierarchyChecks.run(v, f, knownElsewhere);
        termsAndLanguages(v, f);
        return f.report();
    }

    /**
     * One pass over every triple: SKOS terms the SKOS reference does not define (e.g. the retired
     * skos:symbol), and language tags that are not ISO 639.
     */
    private static void termsAndLanguages(SkosView v, Findings f) {
        Set<String> reported = new HashSet<>();
        v.model.getGraph().find().forEachRemaining(t -> {
            String p = t.getPredicate().getURI();
            Node o = t.getObject();
            if (p.startsWith(SKOS.uri) && !SkosTerms.PROPERTIES.contains(p.substring(SKOS.uri.length()))) {
                f.warn("undefined-skos-term", key(t.getSubject()), "Not a SKOS property: " + p);
            }
            if (o.isURI() && p.equals(RDF.type.getURI()) && o.getURI().startsWith(SKOS.uri)
                    && !SkosTerms.CLASSES.contains(o.getURI().substring(SKOS.uri.length()))) {
                f.warn("undefined-skos-term", key(t.getSubject()), "Not a SKOS class: " + o.getURI());
            }
            if (o.isLiteral() && !o.getLiteralLanguage().isEmpty() && !LabelChecks.validLanguage(o.getLiteralLanguage())
                    && reported.add(key(t.getSubject()) + "@" + o.getLiteralLanguage())) {
                f.warn("invalid-language-tag", key(t.getSubject()),
                        "Language tag '" + o.getLiteralLanguage() + "' is not ISO 639");
            }
        });
    }

    private static String key(Node n) {
        return n.isURI() ? n.getURI() : n.isBlank() ? "_:" + n.getBlankNodeLabel() : n.toString();
    }
}
