package org.lakou.oai.internal;

/**
 * Absolute links in the stored metadata. oai_dc and MODS are rendered at indexing time, when no
 * request says which address the reader uses; so they hold {@link #BASE} where the public address
 * goes, and each response puts its own address there while copying the XML out.
 *
 * <p>The marker is U+FDD0, a Unicode noncharacter: legal in XML (so a stored document is well
 * formed even before substitution) and stripped from every catalogue value by {@link XmlOut}, so
 * it can only come from here.
 */
final class OaiLinks {

    static final String BASE = "\uFDD0";

    private OaiLinks() {
    }

    static String record(String recordId) {
        return BASE + "/records/" + recordId;
    }

    static String file(String recordId, String fileId) {
        return BASE + "/api/records/" + recordId + "/files/" + fileId;
    }

    /** The stored XML with {@code base} (scheme, host, port, context path) in place of the marker. */
    static String resolve(String xml, String base) {
        return xml.indexOf(BASE) < 0 ? xml : xml.replace(BASE, base);
    }
}
