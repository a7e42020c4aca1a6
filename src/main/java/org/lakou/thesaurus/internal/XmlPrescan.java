package org.lakou.thesaurus.internal;

import org.lakou.shared.XmlProlog;

/**
 * Refuses dangerous DTDs in RDF/XML loudly, before Jena parses it. The DOCTYPE is read by a real,
 * locked-down XML parser ({@link XmlProlog}), wherever it sits in the prolog. Jena 5.6's own
 * RDF/XML reader never loads external DTDs or entities either (JenaXMLInput turns them off), but
 * it silently drops such an entity and accepts the file, and it expands internal entities; an
 * import must instead be refused with a reason. Plain internal entities used as namespace
 * shorthands ({@code <!ENTITY skos "http://...">}) stay allowed, since many published RDF/XML
 * vocabularies use them; anything external, parametric or nested is refused.
 */
final class XmlPrescan {

    private static final int MAX_ENTITIES = 100;

    private XmlPrescan() {
    }

    /** The reason to refuse, with the line of the DOCTYPE, or null when the DTD is safe. */
    static Refusal check(byte[] content) {
        XmlProlog.Doctype doctype = XmlProlog.doctype(content);
        if (doctype == null) {
            return null;
        }
        long line = doctype.line();
        if (doctype.externalId() != null) {
            return new Refusal("The DOCTYPE refers to an external DTD; external DTDs are refused", line);
        }
        if (doctype.entities().size() > MAX_ENTITIES) {
            return new Refusal("The DTD declares more than " + MAX_ENTITIES + " entities", line);
        }
        for (XmlProlog.Entity e : doctype.entities()) {
            if (e.external()) {
                return new Refusal("The DTD declares an external entity; external entities are refused", line);
            }
            if (e.parameter()) {
                return new Refusal("The DTD declares a parameter entity; DTD expansion is refused", line);
            }
            if (e.value() == null || e.value().contains("&") || e.value().contains("%")) {
                return new Refusal("The DTD declares an entity that expands other entities; DTD expansion is refused",
                        line);
            }
        }
        return null;
    }

    record Refusal(String reason, long line) {
    }
}
