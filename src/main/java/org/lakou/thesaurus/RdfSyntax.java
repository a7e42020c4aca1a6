package org.lakou.thesaurus;

import java.util.Arrays;
import java.util.Optional;

/** The serialisations Lakou writes; a plain enum so that callers never see Jena's formats. */
public enum RdfSyntax {
    TURTLE("text/turtle", "ttl"),
    RDF_XML("application/rdf+xml", "rdf"),
    JSON_LD("application/ld+json", "jsonld"),
    N_TRIPLES("application/n-triples", "nt");

    private final String mediaType;
    private final String extension;

    RdfSyntax(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** Matches a media type ({@code text/turtle}) or a short name ({@code ttl}, {@code turtle}). */
    public static Optional<RdfSyntax> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase();
        return Arrays.stream(values())
                .filter(s -> s.mediaType.equals(n) || s.extension.equals(n) || s.name().replace("_", "").equalsIgnoreCase(n.replace("-", "")))
                .findFirst();
    }
}
