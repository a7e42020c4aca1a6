package org.lakou.thesaurus.internal;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

/**
 * Decides which scheme an import is a version of. A file is versioned as one unit: when it
 * declares several schemes, the one holding most concepts names the unit; when it declares none,
 * the file name does, under Lakou's base URI.
 */
final class SchemePicker {

    private SchemePicker() {
    }

    static String schemeUri(Model m, String fileName, ThesaurusProperties props) {
        Map<String, Integer> counts = new TreeMap<>();
        m.listResourcesWithProperty(RDF.type, SKOS.ConceptScheme).forEachRemaining(r -> {
            if (r.isURIResource()) {
                counts.put(r.getURI(), 0);
            }
        });
        for (Property p : new Property[] {SKOS.inScheme, SKOS.topConceptOf}) {
            m.listStatements(null, p, (RDFNode) null).forEachRemaining(st -> {
                if (st.getObject().isURIResource()) {
                    counts.merge(st.getObject().asResource().getURI(), 1, Integer::sum);
                }
            });
        }
        if (!counts.isEmpty()) {
            return counts.entrySet().stream().max(Comparator.comparingInt(Map.Entry<String, Integer>::getValue)
                    .thenComparing(Map.Entry::getKey, Comparator.reverseOrder())).orElseThrow().getKey();
        }
        String name = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "").replaceAll("\\.[^.]*$", "");
        String slug = LabelNormalizer.slug(name, 40);
        return props.baseUri() + "/schemes/" + (slug.isEmpty() ? "imported" : slug);
    }
}
