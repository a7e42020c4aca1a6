package org.lakou.catalogue.web;

import org.lakou.catalogue.Record;

/**
 * A record as BibTeX and as RIS, for reference managers (Zotero, JabRef, EndNote). The entry type
 * follows the document type; grey literature (reports, studies, guides) is a report/tech report.
 */
final class Citations {

    private Citations() {
    }

    static String bibtex(Record r, String url) {
        StringBuilder b = new StringBuilder();
        b.append('@').append(bibType(r.type())).append("{lakou-").append(r.id()).append(",\n");
        field(b, "title", r.subtitle() == null ? r.title() : r.title() + " : " + r.subtitle());
        field(b, "author", r.creators().isEmpty() ? null : String.join(" and ", r.creators()));
        field(b, "publisher", r.publisher());
        field(b, "institution", "techreport".equals(bibType(r.type())) ? r.publisher() : null);
        field(b, "year", r.year() == null ? null : r.year().toString());
        field(b, "language", r.language());
        field(b, "abstract", r.summary());
        field(b, "url", url);
        b.append("}\n");
        return b.toString();
    }

    static String ris(Record r, String url) {
        StringBuilder b = new StringBuilder();
        line(b, "TY", risType(r.type()));
        line(b, "TI", r.title());
        line(b, "T2", r.subtitle());
        r.creators().forEach(c -> line(b, "AU", c));
        line(b, "PB", r.publisher());
        line(b, "PY", r.year() == null ? null : r.year().toString());
        line(b, "DA", r.date());
        line(b, "LA", r.language());
        line(b, "AB", r.summary());
        line(b, "UR", url);
        line(b, "ID", r.id());
        b.append("ER  - \r\n");
        return b.toString();
    }

    private static String bibType(String type) {
        if (type == null) {
            return "misc";
        }
        return switch (type) {
            case "ouvrage" -> "book";
            case "article" -> "article";
            case "thèse et mémoire" -> "phdthesis";
            case "actes" -> "proceedings";
            case "rapport", "étude", "guide méthodologique", "compte rendu", "dossier thématique" -> "techreport";
            default -> "misc";
        };
    }

    private static String risType(String type) {
        if (type == null) {
            return "GEN";
        }
        return switch (type) {
            case "ouvrage" -> "BOOK";
            case "article" -> "JOUR";
            case "thèse et mémoire" -> "THES";
            case "actes" -> "CONF";
            case "rapport", "étude", "guide méthodologique", "compte rendu", "dossier thématique" -> "RPRT";
            case "document audiovisuel" -> "VIDEO";
            default -> "GEN";
        };
    }

    private static void field(StringBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.append("  ").append(name).append(" = {").append(escape(value)).append("},\n");
        }
    }

    /** Braces balanced and TeX specials escaped, so a title cannot break the entry. */
    static String escape(String v) {
        StringBuilder out = new StringBuilder();
        for (char c : v.toCharArray()) {
            switch (c) {
                case '{', '}', '%', '&', '$', '#', '_' -> out.append('\\').append(c);
                case '\\' -> out.append("\\textbackslash{}");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder b, String tag, String value) {
        if (value != null && !value.isBlank()) {
            b.append(tag).append("  - ").append(value.replaceAll("[\\r\\n]+", " ")).append("\r\n");
        }
    }
}
