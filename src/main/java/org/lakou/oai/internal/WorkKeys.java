package org.lakou.oai.internal;

import org.lakou.catalogue.Record;

/**
 * The key that makes two centres' records one work: the title, the year and the first creator's
 * family name, each folded (case, accents, punctuation, a leading article). Harvested copies of the
 * same partner record share it, and so do a local record and a partner's copy of the same report.
 */
public final class WorkKeys {

    private WorkKeys() {
    }

    public static String of(Record r) {
        String title = Slugs.slug(r.title()).replaceFirst("^(le|la|les|l|un|une|des|the|a|an)-", "");
        if (title.isEmpty()) {
            return null;
        }
        String year = r.year() == null ? "" : r.year().toString();
        String creator = r.creators().isEmpty() ? "" : familyName(r.creators().get(0));
        return title + "|" + year + "|" + creator;
    }

    /** "Théodore, Marie-Josée" and "Marie-Josée Théodore" both give "theodore". */
    static String familyName(String creator) {
        String c = creator.strip();
        if (c.contains(",")) {
            return Slugs.slug(c.substring(0, c.indexOf(',')));
        }
        String[] words = c.split("\\s+");
        return Slugs.slug(words[words.length - 1]);
    }
}
