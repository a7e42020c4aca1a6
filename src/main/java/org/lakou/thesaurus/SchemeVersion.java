package org.lakou.thesaurus;

import java.time.Instant;

/** One stored import of a scheme, without its RDF. */
public record SchemeVersion(String schemeId, String schemeUri, int version, Instant imported, String source,
        String fileName, String format, int conceptCount, long tripleCount, QualityReport report, boolean current) {
}
