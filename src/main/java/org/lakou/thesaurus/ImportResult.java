package org.lakou.thesaurus;

/**
 * What an import did: the version stored and its report, and, when it was applied at once, what
 * applying it changed in the catalogue ({@code applied} is null otherwise).
 */
public record ImportResult(String schemeId, String schemeUri, int version, int conceptCount, long tripleCount,
        QualityReport report, ApplyResult applied) {
}
