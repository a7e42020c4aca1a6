package org.lakou.thesaurus.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.jena.atlas.web.ContentType;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.shared.JenaException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.lakou.thesaurus.QualityFinding;

/**
 * Turns uploaded bytes into one graph. Everything is read as a dataset so that TriG and N-Quads
 * concepts inside named graphs count; the graphs are then unioned, since a scheme version is one
 * graph here. Syntax problems come back as findings with Jena's line and column, never as a 500.
 */
final class RdfInput {

    static final Set<Lang> ACCEPTED = Set.of(Lang.TURTLE, Lang.RDFXML, Lang.NTRIPLES, Lang.JSONLD, Lang.TRIG,
            Lang.NQUADS);
    /** Relative IRIs in files without a base resolve here: a reserved domain, visibly not a real one. */
    static final String BASE = "http://lakou.invalid/import/";
    private static final Set<String> GENERIC_TYPES = Set.of("application/octet-stream", "text/plain",
            "application/x-www-form-urlencoded", "multipart/form-data", "application/xml", "text/xml");
    private static final int MAX_WARNINGS = 100;

    record Parsed(Model model, List<QualityFinding> errors, List<QualityFinding> warnings) {
    }

    private RdfInput() {
    }

    /**
     * The content type wins when it names an RDF syntax; generic types (octet-stream, plain text,
     * XML) say nothing, so the file extension decides. Returns null when neither tells.
     */
    static Lang detect(String contentType, String fileName) {
        if (contentType != null && !contentType.isBlank()) {
            String base = ContentType.create(contentType).getContentTypeStr().toLowerCase(Locale.ROOT);
            if (!GENERIC_TYPES.contains(base)) {
                Lang lang = RDFLanguages.contentTypeToLang(base);
                if (lang != null) {
                    return ACCEPTED.contains(lang) ? lang : null;
                }
            }
        }
        if (fileName != null) {
            Lang lang = RDFLanguages.filenameToLang(fileName);
            if (lang != null && ACCEPTED.contains(lang)) {
                return lang;
            }
        }
        return null;
    }

    static Parsed parse(byte[] content, Lang lang) {
        List<QualityFinding> errors = new ArrayList<>();
        List<QualityFinding> warnings = new ArrayList<>();
        if (lang == Lang.RDFXML) {
            XmlPrescan.Refusal refusal = XmlPrescan.check(content);
            if (refusal != null) {
                errors.add(QualityFinding.error("unsafe-xml", refusal.reason(), refusal.line(), null));
                return new Parsed(ModelFactory.createDefaultModel(), errors, warnings);
            }
        }
        DatasetGraph dsg = DatasetGraphFactory.create();
        try {
            RDFParser.create().source(new ByteArrayInputStream(content)).lang(lang).base(BASE)
                    .errorHandler(new Collector(errors, warnings)).parse(dsg);
        } catch (RiotParseException e) {
            if (errors.isEmpty()) {
                errors.add(QualityFinding.error("syntax-error", e.getOriginalMessage(), e.getLine(), e.getCol()));
            }
        } catch (RiotException e) {
            if (errors.isEmpty()) {
                errors.add(QualityFinding.error("syntax-error", String.valueOf(e.getMessage()), null, null));
            }
        } catch (JenaException | IllegalArgumentException e) {
            errors.add(QualityFinding.error("syntax-error", String.valueOf(e.getMessage()), null, null));
        }
        Model model = ModelFactory.createDefaultModel();
        if (errors.isEmpty()) {
            model.getGraph().getPrefixMapping().setNsPrefixes(dsg.getDefaultGraph().getPrefixMapping());
            dsg.find().forEachRemaining(q -> model.getGraph().add(q.asTriple()));
        }
        return new Parsed(model, errors, warnings);
    }

    /** Keeps Jena's positions; stops at the first error, since later ones are usually its echoes. */
    private record Collector(List<QualityFinding> errors, List<QualityFinding> warnings) implements ErrorHandler {

        @Override
        public void warning(String message, long line, long col) {
            if (warnings.size() < MAX_WARNINGS) {
                warnings.add(new QualityFinding("rdf-warning", QualityFinding.Severity.WARNING, null, message,
                        line < 0 ? null : line, col < 0 ? null : col));
            }
        }

        @Override
        public void error(String message, long line, long col) {
            fatal(message, line, col);
        }

        @Override
        public void fatal(String message, long line, long col) {
            if (errors.isEmpty()) {
                errors.add(QualityFinding.error("syntax-error", message, line < 0 ? null : line, col < 0 ? null : col));
            }
            throw new RiotException(message);
        }
    }
}
