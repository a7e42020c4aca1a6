package org.lakou.stats;

/** The figures of the activity report that come from usage. */
public interface StatsApi {

    /** Downloads of the year, with the most downloaded records first. */
    DownloadReport downloads(int year);
}
