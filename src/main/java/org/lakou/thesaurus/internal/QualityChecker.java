package org.lakou.thesaurus.internal;

import java.util.function.Predicate;

import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
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
        undefinedTerms(v, f);
        return f.report();
    }

    /** SKOS terms that the SKOS reference does not define, e.g. the deprecated skos:symbol. */
    private static void undefinedTerms(SkosView v, Findings f) {
        v.model.listStatements().forEachRemaining(st -> {
            String p = st.getPredicate().getURI();
            if (p.startsWith(SKOS.uri) && !SkosTerms.PROPERTIES.contains(p.substring(SKOS.uri.length()))) {
                f.warn("undefined-skos-term", SkosView.key(st.getSubject()), "Not a SKOS property: " + p);
            }
            RDFNode o = st.getObject();
            if (o.isURIResource() && st.getPredicate().getURI().endsWith("#type")) {
                Resource t = o.asResource();
                if (t.getURI().startsWith(SKOS.uri) && !SkosTerms.CLASSES.contains(t.getLocalName())) {
                    f.warn("undefined-skos-term", SkosView.key(st.getSubject()), "Not a SKOS class: " + t.getURI());
                }
            }
        });
    }
}
