package org.lakou.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DeclHandler;
import org.xml.sax.ext.DefaultHandler2;

/**
 * What an XML document's DOCTYPE declares, read by a real XML parser rather than by pattern
 * matching, so no amount of comments, whitespace or encoding games before the DOCTYPE hides it.
 * The parser itself is locked down: it loads no external DTD, no external entity (every attempt to
 * resolve one fails), and stops at the root element, since a DTD can only come before it.
 */
public final class XmlProlog {

    private static final SAXParserFactory FACTORY = SAXParserFactory.newInstance();

    /** An entity declaration: {@code external} when it names a system or public identifier. */
    public record Entity(String name, boolean parameter, boolean external, String value) {
    }

    /**
     * @param line       where the DOCTYPE starts (1-based), or -1
     * @param externalId the external DTD's system or public identifier, or null
     */
    public record Doctype(String root, String externalId, List<Entity> entities, long line) {
    }

    private XmlProlog() {
    }

    /** The document's DOCTYPE, or null when it has none (or is not well-formed up to its root element). */
    public static Doctype doctype(byte[] content) {
        Reader handler = new Reader();
        try {
            XMLReader reader = lockedDown();
            reader.setContentHandler(handler);
            reader.setEntityResolver(handler);
            reader.setErrorHandler(handler);
            reader.setProperty("http://xml.org/sax/properties/lexical-handler", handler);
            reader.setProperty("http://xml.org/sax/properties/declaration-handler", (DeclHandler) handler);
            reader.parse(new InputSource(new ByteArrayInputStream(content)));
        } catch (RootReached done) {
            // the prolog is over
        } catch (SAXException | IOException e) {
            // not well-formed: the caller's parser will say where; whatever DTD was seen counts
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No usable XML parser", e);
        }
        return handler.doctype();
    }

    private static XMLReader lockedDown() throws ParserConfigurationException, SAXException {
        XMLReader reader;
        synchronized (FACTORY) { // factories promise no thread safety
            reader = FACTORY.newSAXParser().getXMLReader();
        }
        reader.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        reader.setFeature("http://xml.org/sax/features/external-general-entities", false);
        reader.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        optional(reader, "http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        try {
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException notJdkParser) {
            // the features above and the refusing entity resolver still apply
        }
        return reader;
    }

    private static void optional(XMLReader reader, String feature, boolean value) {
        try {
            reader.setFeature(feature, value);
        } catch (SAXNotRecognizedException | SAXNotSupportedException ignored) {
            // a parser without this feature does not load external DTDs through it either
        }
    }

    private static final class RootReached extends SAXException {
        RootReached() {
            super("root element reached");
        }
    }

    private static final class Reader extends DefaultHandler2 {
        private Locator locator;
        private String root;
        private String externalId;
        private long line = -1;
        private boolean seen;
        private final List<Entity> entities = new ArrayList<>();

        Doctype doctype() {
            return seen ? new Doctype(root, externalId, List.copyOf(entities), line) : null;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startDTD(String name, String publicId, String systemId) {
            seen = true;
            root = name;
            externalId = systemId != null ? systemId : publicId;
            line = locator == null ? -1 : locator.getLineNumber();
        }

        @Override
        public void internalEntityDecl(String name, String value) {
            entities.add(new Entity(name, name.startsWith("%"), false, value));
        }

        @Override
        public void externalEntityDecl(String name, String publicId, String systemId) {
            entities.add(new Entity(name, name.startsWith("%"), true, systemId != null ? systemId : publicId));
        }

        @Override
        public InputSource resolveEntity(String name, String publicId, String baseUri, String systemId)
                throws SAXException {
            throw new SAXException("External entities are never resolved: " + name);
        }

        @Override
        public InputSource getExternalSubset(String name, String baseUri) {
            return null;
        }

        @Override
        public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes atts)
                throws SAXException {
            throw new RootReached();
        }
    }
}
