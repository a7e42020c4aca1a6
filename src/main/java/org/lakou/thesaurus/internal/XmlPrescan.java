package org.lakou.thesaurus.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses dangerous DTDs before any XML parser sees the bytes. Jena 5.6's RDF/XML parser does not
 * fetch external entities, but it silently replaces them with nothing and accepts the file, and it
 * expands internal entities; an import must instead be refused loudly. Plain internal entities
 * used as namespace shorthands ({@code <!ENTITY skos "http://...">}) stay allowed, since many
 * published RDF/XML vocabularies use them; anything external, parametric or nested is refused.
 */
final class XmlPrescan {

    private static final int PROLOG_LIMIT = 256 * 1024;
    private static final int MAX_ENTITIES = 100;
    private static final Pattern ENTITY = Pattern.compile("<!ENTITY\\s+(%\\s*)?[^\\s>]+\\s*(\"[^\"]*\"|'[^']*')?");

    private XmlPrescan() {
    }

    /** The reason to refuse, with the line of the DOCTYPE, or null when the prolog is safe. */
    static Refusal check(byte[] content) {
        String head = decode(content);
        String upper = head.toUpperCase(Locale.ROOT);
        int doctype = upper.indexOf("<!DOCTYPE");
        if (doctype < 0) {
            return null;
        }
        long line = head.substring(0, doctype).chars().filter(c -> c == '\n').count() + 1;
        int open = head.indexOf('[', doctype);
        int firstClose = head.indexOf('>', doctype);
        String beforeSubset = open >= 0 && open < firstClose ? head.substring(doctype, open) : head.substring(doctype,
                firstClose < 0 ? head.length() : firstClose);
        if (beforeSubset.toUpperCase(Locale.ROOT).matches("(?s).*\\s(SYSTEM|PUBLIC)\\s.*")) {
            return new Refusal("The DOCTYPE refers to an external DTD; external DTDs are refused", line);
        }
        if (open < 0 || open > firstClose) {
            return null;
        }
        int end = head.indexOf("]>", open);
        if (end < 0) {
            return new Refusal("The DTD internal subset is too long or not closed", line);
        }
        String subset = head.substring(open, end);
        String subsetUpper = subset.toUpperCase(Locale.ROOT);
        if (subsetUpper.contains("SYSTEM") || subsetUpper.contains("PUBLIC")) {
            return new Refusal("The DTD declares an external entity; external entities are refused", line);
        }
        int count = 0;
        Matcher m = ENTITY.matcher(subset);
        while (m.find()) {
            count++;
            if (m.group(1) != null) {
                return new Refusal("The DTD declares a parameter entity; DTD expansion is refused", line);
            }
            if (m.group(2) == null || m.group(2).contains("&") || m.group(2).contains("%")) {
                return new Refusal("The DTD declares an entity that expands other entities; DTD expansion is refused",
                        line);
            }
        }
        if (count > MAX_ENTITIES) {
            return new Refusal("The DTD declares more than " + MAX_ENTITIES + " entities", line);
        }
        if (subsetUpper.contains("<!ENTITY") && count != countOccurrences(subsetUpper, "<!ENTITY")) {
            return new Refusal("The DTD declares an entity Lakou cannot check; it is refused", line);
        }
        return null;
    }

    record Refusal(String reason, long line) {
    }

    private static int countOccurrences(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /** Markup is ASCII, so Latin-1 is enough to read it, except for UTF-16 files. */
    private static String decode(byte[] b) {
        int len = Math.min(b.length, PROLOG_LIMIT);
        Charset cs = StandardCharsets.ISO_8859_1;
        if (len >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == 0 && b[1] == '<'))) {
            cs = StandardCharsets.UTF_16BE;
        } else if (len >= 2 && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) || (b[0] == '<' && b[1] == 0))) {
            cs = StandardCharsets.UTF_16LE;
        }
        return new String(b, 0, len, cs);
    }
}
