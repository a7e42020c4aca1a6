package org.lakou.thesaurus.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.lakou.thesaurus.RdfSyntax;

/**
 * Writes graphs. Whole-scheme dumps use the streaming-friendly variants (Turtle blocks, plain
 * RDF/XML): the pretty writers analyse the whole graph first and crawl on a large vocabulary.
 */
final class RdfOutput {

    private RdfOutput() {
    }

    static RDFFormat format(RdfSyntax syntax, boolean large) {
        return switch (syntax) {
            case TURTLE -> large ? RDFFormat.TURTLE_BLOCKS : RDFFormat.TURTLE_PRETTY;
            case RDF_XML -> large ? RDFFormat.RDFXML_PLAIN : RDFFormat.RDFXML_ABBREV;
            case JSON_LD -> RDFFormat.JSONLD;
            case N_TRIPLES -> RDFFormat.NTRIPLES;
        };
    }

    static void write(Model model, RdfSyntax syntax, OutputStream out) {
        RDFDataMgr.write(out, model, format(syntax, model.size() > 20_000));
    }

    static String toString(Model model, RdfSyntax syntax) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(model, syntax, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
