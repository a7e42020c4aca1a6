package org.lakou.thesaurus.internal;

import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.lakou.shared.ApiException;
import org.lakou.thesaurus.Concept;
import org.lakou.thesaurus.RdfSyntax;
import org.springframework.stereotype.Component;

/**
 * Linked-data views for the web layer, with Jena-free signatures: a minted concept's description
 * (its concise bounded description over all current graphs) and whole-scheme dumps.
 */
@Component
public class LinkedDataService {

    private final ThesaurusState state;
    private final ThesaurusProperties props;

    LinkedDataService(ThesaurusState state, ThesaurusProperties props) {
        this.state = state;
        this.props = props;
    }

    /** The concept Lakou minted with this id, if it exists. */
    public Optional<Concept> mintedConcept(String id) {
        return Optional.ofNullable(state.graph().byUri.get(props.conceptUri(id)));
    }

    public void writeConcept(String uri, RdfSyntax syntax, OutputStream out) {
        Model src = ModelFactory.createModelForGraph(state.graph().union);
        Model cbd = ModelFactory.createDefaultModel();
        cbd.setNsPrefixes(state.graph().schemes.values().stream().findFirst().map(s -> s.model().getNsPrefixMap())
                .orElse(java.util.Map.of()));
        Deque<Resource> todo = new ArrayDeque<>();
        Set<Resource> seen = new HashSet<>();
        todo.add(src.createResource(uri));
        while (!todo.isEmpty()) {
            todo.poll().listProperties().forEachRemaining(st -> {
                cbd.add(st);
                RDFNode o = st.getObject();
                if (o.isAnon() && seen.add(o.asResource())) {
                    todo.add(o.asResource());
                }
            });
        }
        RdfOutput.write(cbd, syntax, out);
    }

    /** @throws ApiException 404 when the scheme has no current version */
    public void writeScheme(String idOrUri, RdfSyntax syntax, OutputStream out) {
        RdfOutput.write(scheme(idOrUri).model(), syntax, out);
    }

    public String schemeId(String idOrUri) {
        return scheme(idOrUri).id();
    }

    private SchemeState scheme(String idOrUri) {
        SchemeState s = state.graph().scheme(idOrUri);
        if (s == null) {
            throw ApiException.notFound("Scheme", idOrUri);
        }
        return s;
    }
}
