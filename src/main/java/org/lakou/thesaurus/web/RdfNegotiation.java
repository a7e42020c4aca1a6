package org.lakou.thesaurus.web;

import java.util.List;
import java.util.Optional;

import org.lakou.thesaurus.RdfSyntax;
import org.springframework.http.MediaType;

/**
 * Picks a representation from {@code Accept} (or an explicit {@code ?format=} for browsers and
 * scripts). Unknown or wildcard types fall back to Turtle rather than a 406, since linked-data
 * clients and browsers alike should get something readable.
 */
final class RdfNegotiation {

    /** Either an RDF syntax or, when allowed and preferred, the API's JSON. */
    record Choice(RdfSyntax syntax, boolean json) {
    }

    private RdfNegotiation() {
    }

    static Choice choose(String accept, String format, boolean allowJson) {
        if (format != null && !format.isBlank()) {
            if (allowJson && format.equalsIgnoreCase("json")) {
                return new Choice(null, true);
            }
            Optional<RdfSyntax> s = RdfSyntax.find(format);
            if (s.isPresent()) {
                return new Choice(s.get(), false);
            }
        }
        for (MediaType t : accepted(accept)) {
            if (allowJson && t.isCompatibleWith(MediaType.APPLICATION_JSON) && !t.isWildcardType()
                    && !t.isWildcardSubtype()) {
                return new Choice(null, true);
            }
            Optional<RdfSyntax> s = RdfSyntax.find(t.getType() + "/" + t.getSubtype());
            if (s.isPresent()) {
                return new Choice(s.get(), false);
            }
        }
        return new Choice(RdfSyntax.TURTLE, false);
    }

    /**
     * A browser: HTML ranks before every RDF syntax and JSON. Wildcards alone never count, so
     * linked-data clients sending {@code *}{@code /*} keep getting Turtle.
     */
    static boolean prefersHtml(String accept) {
        for (MediaType t : accepted(accept)) {
            if (t.isWildcardType()) {
                continue;
            }
            if (t.isCompatibleWith(MediaType.TEXT_HTML) || t.isCompatibleWith(MediaType.APPLICATION_XHTML_XML)) {
                return true;
            }
            if (t.isCompatibleWith(MediaType.APPLICATION_JSON) || RdfSyntax.find(t.getType() + "/" + t.getSubtype())
                    .isPresent()) {
                return false;
            }
        }
        return false;
    }

    /** Media types in the client's order of preference ({@code q} first, then as listed). */
    static List<MediaType> accepted(String accept) {
        if (accept == null || accept.isBlank()) {
            return List.of();
        }
        try {
            List<MediaType> types = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
            types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
            return types;
        } catch (RuntimeException malformed) {
            return List.of();
        }
    }

    static MediaType mediaType(RdfSyntax s) {
        return new MediaType(MediaType.parseMediaType(s.mediaType()), java.nio.charset.StandardCharsets.UTF_8);
    }
}
