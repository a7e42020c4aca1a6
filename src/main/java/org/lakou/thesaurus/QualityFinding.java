package org.lakou.thesaurus;

/**
 * One finding of the quality check. {@code code} is stable ({@code broader-cycle},
 * {@code missing-preflabel}...), so clients and tests can rely on it; {@code line} is set for
 * syntax findings only, since a parsed graph no longer knows where its triples came from.
 */
public record QualityFinding(String code, Severity severity, String conceptUri, String message, Long line,
        Long column) {

    public enum Severity { ERROR, WARNING }

    public static QualityFinding warning(String code, String conceptUri, String message) {
        return new QualityFinding(code, Severity.WARNING, conceptUri, message, null, null);
    }

    public static QualityFinding error(String code, String message, Long line, Long column) {
        return new QualityFinding(code, Severity.ERROR, null, message, line, column);
    }
}
