package org.lakou.oai.internal;

import javax.xml.stream.XMLStreamException;

import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.Record;

import static org.lakou.oai.internal.MetadataFormats.DC_NS;
import static org.lakou.oai.internal.MetadataFormats.OAI_DC_NS;
import static org.lakou.oai.internal.MetadataFormats.OAI_DC_XSD;
import static org.lakou.oai.internal.MetadataFormats.XSI_NS;

/**
 * Simple Dublin Core for a public record. Subjects carry the French prefLabel and, as a separate
 * {@code dc:subject}, the concept URI, so a partner can match against the shared thesaurus. Record
 * and file URLs start with {@link OaiLinks#BASE}, replaced by the public address when served.
 */
public final class DublinCoreRenderer {

    private final SubjectVocabulary vocabulary;

    public DublinCoreRenderer(SubjectVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public String render(Record r) {
        try (XmlOut x = new XmlOut()) {
            x.root("oai_dc", "dc", OAI_DC_NS).namespace("dc", DC_NS).namespace("xsi", XSI_NS)
                    .attr("xsi", XSI_NS, "schemaLocation", OAI_DC_NS + " " + OAI_DC_XSD);
            dc(x, "title", XmlOut.hasText(r.subtitle()) ? r.title() + " : " + r.subtitle() : r.title());
            for (String creator : r.creators()) {
                dc(x, "creator", creator);
            }
            dc(x, "publisher", r.publisher());
            dc(x, "description", r.summary());
            for (String subject : r.subjects()) {
                var concept = vocabulary.concept(subject);
                if (concept.isPresent()) {
                    dc(x, "subject", concept.get().label());
                }
                dc(x, "subject", subject);
            }
            dc(x, "date", r.date());
            dc(x, "type", r.type());
            dc(x, "type", "Text");
            r.files().stream().map(FileRef::mimeType).distinct().forEach(m -> dc(x, "format", m));
            x.linkElement("dc", "identifier", DC_NS, OaiLinks.record(r.id()));
            if (r.accessLevel() == AccessLevel.PUBLIC) {
                for (FileRef f : r.files()) {
                    x.linkElement("dc", "identifier", DC_NS, OaiLinks.file(r.id(), f.id()));
                }
            }
            dc(x, "language", r.language());
            for (String territory : r.territories()) {
                dc(x, "coverage", vocabulary.concept(territory).map(c -> c.label()).orElse(territory));
            }
            dc(x, "rights", Rights.statement(r.accessLevel()));
            x.end();
            return x.finish();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot render oai_dc for " + r.id(), e);
        }
    }

    private static void dc(XmlOut x, String name, String value) {
        try {
            x.element("dc", name, DC_NS, value);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a reader may do, in the centre's words. */
    static final class Rights {

        private Rights() {
        }

        static String statement(AccessLevel level) {
            return switch (level) {
                case PUBLIC -> "Accès libre";
                case MEMBERS -> "Accès réservé aux membres du réseau";
                case STAFF -> "Accès réservé à l'équipe du centre de ressources";
            };
        }
    }
}
