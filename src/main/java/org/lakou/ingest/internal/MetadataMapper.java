package org.lakou.ingest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.RecordFields;
import org.lakou.catalogue.TextStatus;
import org.lakou.ingest.internal.worker.LanguageCodes;
import org.lakou.ingest.internal.worker.WorkerProtocol.Response;

/**
 * Tika's metadata, as the worker sent it, turned into a draft's fields. Everything here is a
 * suggestion for the documentalist, so it errs on the side of leaving a field empty rather than
 * filling it with noise such as "Untitled".
 */
final class MetadataMapper {

    private static final Pattern FULL_DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("\\b(1[5-9]\\d\\d|2\\d\\d\\d)\\b");
    private static final Pattern JUNK_TITLE = Pattern.compile(
            "(?i)untitled|sans titre|document\\d*|titre|new document|presentation\\d*|diapositive \\d+");
    private static final Pattern WORD_PREFIX = Pattern.compile("(?i)^microsoft (word|powerpoint|excel) - ");
    private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z0-9]{1,5}$");

    private MetadataMapper() {
    }

    static RecordFields fields(Response r, String fileName) {
        String language = r.language() != null ? LanguageCodes.normalize(r.language())
                : LanguageCodes.normalize(r.first("dc:language") != null ? r.first("dc:language")
                        : r.first("Content-Language"));
        return new RecordFields(title(r.first("dc:title"), fileName), null, creators(r.metadata()),
                limit(clean(r.first("dc:publisher")), 300), date(r.first("dcterms:created"),
                        r.first("dcterms.created"), r.first("dc.date"), r.first("DC.date"), r.first("dcterms:modified")),
                null, language, null, List.of(), List.of(), null, AccessLevel.PUBLIC);
    }

    /** A scan has pages but no letters; page numbers alone do not make it text. */
    static TextStatus textStatus(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                return TextStatus.EXTRACTED;
            }
        }
        return TextStatus.NONE;
    }

    /** The MIME type without parameters: {@code text/html; charset=UTF-8} → {@code text/html}. */
    static String mimeType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "application/octet-stream";
        }
        return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    static Integer pages(Response r) {
        for (String key : List.of("xmpTPg:NPages", "meta:page-count")) {
            String v = r.first(key);
            if (v != null) {
                try {
                    int n = Integer.parseInt(v.trim());
                    if (n > 0) {
                        return n;
                    }
                } catch (NumberFormatException ignored) {
                    // try the next key
                }
            }
        }
        return null;
    }

    static String title(String metaTitle, String fileName) {
        String t = clean(metaTitle);
        if (t != null) {
            t = WORD_PREFIX.matcher(t).replaceFirst("");
            if (WORD_PREFIX.matcher(metaTitle.trim()).find()) {
                t = EXTENSION.matcher(t).replaceFirst("");
            }
        }
        if (t == null || t.isBlank() || JUNK_TITLE.matcher(t).matches()) {
            t = titleFromFileName(fileName);
        }
        return limit(t, 1000);
    }

    /** "rapport_activite-2010.pdf" → "rapport activite 2010"; a name with spaces keeps its hyphens. */
    static String titleFromFileName(String fileName) {
        String base = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "");
        base = EXTENSION.matcher(base).replaceFirst("");
        String separators = base.contains(" ") ? "_+" : "[_.]+|-+";
        String t = base.replaceAll(separators, " ").replaceAll("\\s+", " ").trim();
        return t.isEmpty() ? "Sans titre" : t;
    }

    static List<String> creators(Map<String, List<String>> metadata) {
        Map<String, String> unique = new LinkedHashMap<>();
        List<String> raw = new ArrayList<>(metadata.getOrDefault("dc:creator", List.of()));
        raw.addAll(metadata.getOrDefault("meta:author", List.of()));
        for (String value : raw) {
            for (String part : value.split("[;\\n]")) {
                String name = clean(part);
                if (name != null && name.length() <= 300) {
                    unique.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
                }
            }
        }
        return List.copyOf(unique.values());
    }

    /** YYYY-MM-DD when the value starts with an ISO date, else a plausible year found in it. */
    static String date(String... candidates) {
        for (String v : candidates) {
            if (v == null) {
                continue;
            }
            Matcher full = FULL_DATE.matcher(v.trim());
            if (full.find()) {
                int month = Integer.parseInt(full.group(2));
                int day = Integer.parseInt(full.group(3));
                return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? full.group() : full.group(1);
            }
            Matcher year = YEAR.matcher(v);
            if (year.find()) {
                return year.group(1);
            }
        }
        return null;
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
        return t.isEmpty() ? null : t;
    }

    private static String limit(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max).trim();
    }
}
