package org.lakou.oai.harvest;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.DocumentTypes;
import org.lakou.catalogue.RecordFields;
import org.lakou.oai.internal.MetadataFormats;
import org.lakou.oai.internal.SubjectVocabulary;

/**
 * Turns a partner's oai_dc or MODS record into catalogue fields. Subjects are kept when they are
 * concepts of the shared thesaurus (by URI: a {@code dc:subject} holding one, or MODS
 * {@code valueURI}); free-text subjects have no place in a concept list and are dropped.
 * Territories keep thesaurus URIs and plain place names. Values the catalogue would refuse are
 * normalised: dates to their YYYY[-MM[-DD]] head, unknown document types to "autre".
 */
final class MetadataReader {

    private static final XMLInputFactory FACTORY = newFactory();
    private static final Pattern DATE = Pattern.compile("(\\d{4})(-\\d{2}(-\\d{2})?)?");
    private static final Pattern LANG = Pattern.compile("[a-z]{2,3}");

    private final SubjectVocabulary vocabulary;

    MetadataReader(SubjectVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    /** Fields of the record, or null when it has no title (the catalogue requires one). */
    RecordFields read(String xml) throws XMLStreamException {
        Fields f = new Fields();
        XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
        try {
            List<String> path = new ArrayList<>();
            String valueUri = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    path.add(r.getLocalName());
                    if ("subject".equals(r.getLocalName())) {
                        valueUri = r.getAttributeValue(null, "valueURI");
                    }
                    if (path.size() > 1) {
                        String text = isLeaf(r.getNamespaceURI(), r.getLocalName()) ? r.getElementText().strip() : null;
                        if (text != null) {
                            f.take(String.join("/", path), r.getLocalName(), text, valueUri);
                            path.remove(path.size() - 1);
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && !path.isEmpty()) {
                    if ("subject".equals(path.remove(path.size() - 1))) {
                        valueUri = null;
                    }
                }
            }
        } finally {
            r.close();
        }
        return f.toFields();
    }

    /** Every Dublin Core element holds text; in MODS only these do (a MODS subject has children). */
    private static boolean isLeaf(String namespace, String name) {
        if (MetadataFormats.DC_NS.equals(namespace)) {
            return true;
        }
        return switch (name) {
            case "title", "subTitle", "namePart", "publisher", "abstract", "topic", "geographic", "dateIssued",
                    "genre", "languageTerm" -> true;
            default -> false;
        };
    }

    private final class Fields {
        String title;
        String subtitle;
        final List<String> creators = new ArrayList<>();
        String publisher;
        String summary;
        String date;
        String type;
        String language;
        final Set<String> subjects = new LinkedHashSet<>();
        final Set<String> territories = new LinkedHashSet<>();

        void take(String path, String name, String text, String valueUri) {
            if (text.isEmpty()) {
                return;
            }
            switch (name) {
                case "title" -> title = title == null ? text : title;
                case "subTitle" -> subtitle = text;
                case "creator", "namePart" -> creators.add(text);
                case "publisher" -> publisher = publisher == null ? text : publisher;
                case "description", "abstract" -> summary = summary == null ? text : summary;
                case "date", "dateIssued" -> date = date == null ? text : date;
                case "type", "genre" -> type = DocumentTypes.isKnown(text) ? text : type;
                case "language", "languageTerm" -> language = language == null ? text.toLowerCase(Locale.ROOT) : language;
                case "subject", "topic" -> concept(valueUri != null ? valueUri : text, subjects, false);
                case "geographic", "coverage" -> concept(valueUri != null ? valueUri : text, territories, true);
                default -> { }
            }
        }

        private void concept(String value, Set<String> into, boolean keepLabels) {
            if (vocabulary.concept(value).isPresent()) {
                into.add(value);
            } else if (keepLabels && !value.matches("https?://\\S+")) {
                into.add(value);
            }
        }

        RecordFields toFields() {
            if (title == null || title.isBlank()) {
                return null;
            }
            Matcher d = date == null ? null : DATE.matcher(date);
            String cleanDate = d != null && d.lookingAt() ? d.group() : null;
            String lang = language != null && LANG.matcher(language).matches() ? language : null;
            return new RecordFields(cut(title, 1000), cut(subtitle, 1000), creators.stream().map(c -> cut(c, 300)).toList(),
                    cut(publisher, 300), cleanDate, type == null ? "autre" : type, lang, cut(summary, 20000),
                    List.copyOf(subjects), List.copyOf(territories), null, AccessLevel.PUBLIC);
        }

        private String cut(String s, int max) {
            return s == null || s.length() <= max ? s : s.substring(0, max);
        }
    }
}
