package org.lakou.oai.internal;

import java.io.StringWriter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin StAX writer for the metadata renderers: escaping is StAX's, blank values are skipped, and
 * characters XML 1.0 forbids (stray control characters from extracted text) are dropped, as are the
 * noncharacters U+FDD0..U+FDEF, which mean nothing in text and leave {@link OaiLinks#BASE} unique.
 */
final class XmlOut implements AutoCloseable {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final StringWriter buffer = new StringWriter(2048);
    private final XMLStreamWriter w;

    XmlOut() {
        try {
            w = FACTORY.createXMLStreamWriter(buffer);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut root(String prefix, String name, String ns) throws XMLStreamException {
        w.writeStartElement(prefix, name, ns);
        if (prefix.isEmpty()) {
            w.writeDefaultNamespace(ns);
        } else {
            w.writeNamespace(prefix, ns);
        }
        return this;
    }

    XmlOut namespace(String prefix, String ns) throws XMLStreamException {
        w.writeNamespace(prefix, ns);
        return this;
    }

    XmlOut start(String prefix, String name, String ns) throws XMLStreamException {
        w.writeStartElement(prefix, name, ns);
        return this;
    }

    XmlOut attr(String name, String value) throws XMLStreamException {
        if (value != null && !value.isBlank()) {
            w.writeAttribute(name, clean(value));
        }
        return this;
    }

    XmlOut attr(String prefix, String ns, String name, String value) throws XMLStreamException {
        w.writeAttribute(prefix, ns, name, clean(value));
        return this;
    }

    XmlOut text(String value) throws XMLStreamException {
        w.writeCharacters(clean(value));
        return this;
    }

    XmlOut end() throws XMLStreamException {
        w.writeEndElement();
        return this;
    }

    /** A link: {@link OaiLinks#BASE} followed by the cleaned path. */
    XmlOut link(String path) throws XMLStreamException {
        w.writeCharacters(OaiLinks.BASE + clean(path.substring(OaiLinks.BASE.length())));
        return this;
    }

    /** A whole element holding a link made by {@link OaiLinks}. */
    XmlOut linkElement(String prefix, String name, String ns, String path) throws XMLStreamException {
        w.writeStartElement(prefix, name, ns);
        link(path);
        w.writeEndElement();
        return this;
    }

    /** A whole element with text, or nothing when the value is blank. */
    XmlOut element(String prefix, String name, String ns, String value) throws XMLStreamException {
        if (value != null && !value.isBlank()) {
            w.writeStartElement(prefix, name, ns);
            w.writeCharacters(clean(value.strip()));
            w.writeEndElement();
        }
        return this;
    }

    String finish() throws XMLStreamException {
        w.writeEndDocument();
        w.flush();
        return buffer.toString();
    }

    @Override
    public void close() {
        try {
            w.close();
        } catch (XMLStreamException ignored) {
            // the buffer is in memory; nothing to release
        }
    }

    static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    static String clean(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!legal(s.charAt(i))) {
                StringBuilder b = new StringBuilder(s.length());
                s.chars().filter(c -> legal((char) c)).forEach(c -> b.append((char) c));
                return b.toString();
            }
        }
        return s;
    }

    private static boolean legal(char c) {
        return c >= 0x20 ? c != 0xFFFE && c != 0xFFFF && (c < 0xFDD0 || c > 0xFDEF)
                : c == '\t' || c == '\n' || c == '\r';
    }
}
