package org.lakou.stats;

/** The figures of the centre's activity report. */
public interface StatsApi {

    /** Downloads of the year, with the most downloaded records first. */
    DownloadReport downloads(int year);

    /** The year's acquisitions, loans, requests and downloads by month, theme, member category and type. */
    ActivityReport activity(int year);
}
