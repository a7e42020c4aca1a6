package org.lakou.oai.internal;

import javax.xml.stream.XMLStreamException;

/** The {@code oai-identifier} description that Identify carries. */
final class IdentifyDescription {

    static final String NS = "http://www.openarchives.org/OAI/2.0/oai-identifier";
    static final String XSD = "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd";

    private IdentifyDescription() {
    }

    static String oaiIdentifier(String domain, String sample) {
        try (XmlOut x = new XmlOut()) {
            x.root("", "oai-identifier", NS).namespace("xsi", MetadataFormats.XSI_NS)
                    .attr("xsi", MetadataFormats.XSI_NS, "schemaLocation", NS + " " + XSD)
                    .element("", "scheme", NS, "oai")
                    .element("", "repositoryIdentifier", NS, domain)
                    .element("", "delimiter", NS, ":")
                    .element("", "sampleIdentifier", NS, sample)
                    .end();
            return x.finish();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }
}
