package org.lakou.oai.internal;

import java.time.format.DateTimeFormatter;

import javax.xml.stream.XMLStreamException;

import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.Record;
import org.lakou.oai.internal.SubjectVocabulary.VocabularyConcept;

import static org.lakou.oai.internal.MetadataFormats.MODS_NS;
import static org.lakou.oai.internal.MetadataFormats.MODS_XSD;
import static org.lakou.oai.internal.MetadataFormats.XSI_NS;

/**
 * MODS 3.7. Subjects and territories carry {@code authority}, {@code authorityURI} (the scheme) and
 * {@code valueURI} (the concept), so a partner indexes against the shared thesaurus without
 * matching strings. Languages: a two-letter code is an RFC 5646 tag, a three-letter one ISO 639-3
 * (the catalogue stores 639-1 or 639-3; 639-3 "fra" is not 639-2/B "fre"). The output depends on
 * the metadata only (no modification time, no host: links start with {@link OaiLinks#BASE}), so an
 * edit that changes nothing here, such as a copy going out on loan, leaves the record's datestamp
 * alone.
 */
public final class ModsRenderer {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    private final OaiProperties properties;
    private final SubjectVocabulary vocabulary;

    public ModsRenderer(OaiProperties properties, SubjectVocabulary vocabulary) {
        this.properties = properties;
        this.vocabulary = vocabulary;
    }

    public String render(Record r) {
        try (XmlOut x = new XmlOut()) {
            x.root("", "mods", MODS_NS).namespace("xsi", XSI_NS).attr("version", "3.7")
                    .attr("xsi", XSI_NS, "schemaLocation", MODS_NS + " " + MODS_XSD);
            x.start("", "titleInfo", MODS_NS);
            x.element("", "title", MODS_NS, r.title()).element("", "subTitle", MODS_NS, r.subtitle()).end();
            for (String creator : r.creators()) {
                x.start("", "name", MODS_NS).element("", "namePart", MODS_NS, creator);
                x.start("", "role", MODS_NS).start("", "roleTerm", MODS_NS).attr("type", "code")
                        .attr("authority", "marcrelator").text("cre").end().end();
                x.end();
            }
            x.element("", "typeOfResource", MODS_NS,
                    "document audiovisuel".equals(r.type()) ? "moving image" : "text");
            if (XmlOut.hasText(r.type())) {
                x.start("", "genre", MODS_NS).attr("authority", "lakou-types")
                        .attr("authorityURI", "https://w3id.org/lakou/thesaurus/types").text(r.type()).end();
            }
            if (XmlOut.hasText(r.publisher()) || XmlOut.hasText(r.date())) {
                x.start("", "originInfo", MODS_NS).element("", "publisher", MODS_NS, r.publisher());
                if (XmlOut.hasText(r.date())) {
                    x.start("", "dateIssued", MODS_NS).attr("encoding", "w3cdtf").attr("keyDate", "yes")
                            .text(r.date()).end();
                }
                x.end();
            }
            if (XmlOut.hasText(r.language())) {
                x.start("", "language", MODS_NS).start("", "languageTerm", MODS_NS).attr("type", "code")
                        .attr("authority", r.language().length() == 2 ? "rfc5646" : "iso639-3")
                        .text(r.language()).end().end();
            }
            if (!r.files().isEmpty()) {
                x.start("", "physicalDescription", MODS_NS);
                r.files().stream().map(FileRef::mimeType).distinct()
                        .forEach(m -> quietly(() -> x.element("", "internetMediaType", MODS_NS, m)));
                x.end();
            }
            x.element("", "abstract", MODS_NS, r.summary());
            for (String subject : r.subjects()) {
                subject(x, subject, "topic");
            }
            for (String territory : r.territories()) {
                subject(x, territory, "geographic");
            }
            if (XmlOut.hasText(r.collection())) {
                x.start("", "relatedItem", MODS_NS).attr("type", "series").start("", "titleInfo", MODS_NS)
                        .element("", "title", MODS_NS, r.collection()).end().end();
            }
            x.start("", "identifier", MODS_NS).attr("type", "uri").link(OaiLinks.record(r.id())).end();
            location(x, r);
            x.start("", "accessCondition", MODS_NS).attr("type", "restriction on access")
                    .text(DublinCoreRenderer.Rights.statement(r.accessLevel())).end();
            x.start("", "recordInfo", MODS_NS)
                    .element("", "recordContentSource", MODS_NS, properties.repositoryName());
            if (r.created() != null) {
                x.start("", "recordCreationDate", MODS_NS).attr("encoding", "iso8601")
                        .text(ISO.format(r.created())).end();
            }
            x.start("", "recordIdentifier", MODS_NS).attr("source", properties.domain()).text(r.id()).end();
            x.end();
            x.end();
            return x.finish();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot render MODS for " + r.id(), e);
        }
    }

    private void subject(XmlOut x, String uriOrLabel, String kind) throws XMLStreamException {
        VocabularyConcept c = vocabulary.concept(uriOrLabel).orElse(null);
        x.start("", "subject", MODS_NS);
        if (c != null) {
            x.attr("authority", Slugs.conceptSlug(c.schemeUri(), null))
                    .attr("authorityURI", c.schemeUri()).attr("valueURI", c.uri());
            x.element("", kind, MODS_NS, c.label());
        } else if (uriOrLabel.matches("https?://\\S+")) {
            x.attr("valueURI", uriOrLabel).element("", kind, MODS_NS, uriOrLabel);
        } else {
            x.element("", kind, MODS_NS, uriOrLabel);
        }
        x.end();
    }

    private void location(XmlOut x, Record r) throws XMLStreamException {
        x.start("", "location", MODS_NS);
        x.start("", "url", MODS_NS).attr("access", "object in context").attr("usage", "primary display")
                .link(OaiLinks.record(r.id())).end();
        if (r.accessLevel() == AccessLevel.PUBLIC) {
            for (FileRef f : r.files()) {
                x.start("", "url", MODS_NS).attr("access", "raw object").attr("note", f.name())
                        .link(OaiLinks.file(r.id(), f.id())).end();
            }
        }
        x.end();
    }

    private interface XmlStep {
        void run() throws XMLStreamException;
    }

    private static void quietly(XmlStep step) {
        try {
            step.run();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }
}
