package org.lakou.stats;

import java.util.Map;

/**
 * The centre's year as its activity report tells it: the new acquisitions, the loans, the
 * documentation requests and the file downloads, each by month, by thesaurus theme, by member
 * category and by document type.
 *
 * <p>A theme is a top concept of a thesaurus scheme, reached from an item's subjects (a record's,
 * or the concepts a request names) through their broader concepts. An item under two themes
 * counts once in each, so a {@code byTheme} map can add up to more than {@code total};
 * {@value #NO_THEME} collects the items with no subject the thesaurus knows.
 *
 * @param members who the centre serves, by member category
 * @param themes  every theme key used in the report, with its French label
 */
public record ActivityReport(int year, Figures acquisitions, Figures loans, Figures requests, Figures downloads,
        Members members, Map<String, String> themes) {

    public static final String NO_THEME = "none";

    public ActivityReport {
        themes = Map.copyOf(themes);
    }

    /**
     * Member accounts (staff left out), by category code.
     *
     * @param active a snapshot when the report is made (no status history is kept): accounts
     *               that may borrow
     * @param joined accounts created during the year
     * @param served distinct members who borrowed or sent a request during the year, under their
     *               current category
     */
    public record Members(Map<String, Long> active, Map<String, Long> joined, Map<String, Long> served) {

        public Members {
            active = Map.copyOf(active);
            joined = Map.copyOf(joined);
            served = Map.copyOf(served);
        }
    }

    /**
     * @param byMonth    month (1–12) to count, every month present
     * @param byCategory member category code: for loans the one the member had when borrowing,
     *                   otherwise the current one; {@code unknown} for a member deleted since, and for
     *                   downloads also {@code anonymous} and {@code staff}. Empty for acquisitions.
     * @param byType     document type of the record. Empty for requests, which name no record.
     */
    public record Figures(long total, Map<Integer, Long> byMonth, Map<String, Long> byTheme,
            Map<String, Long> byCategory, Map<String, Long> byType) {

        public Figures {
            byMonth = Map.copyOf(byMonth);
            byTheme = Map.copyOf(byTheme);
            byCategory = Map.copyOf(byCategory);
            byType = Map.copyOf(byType);
        }
    }
}
