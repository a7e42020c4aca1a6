package org.lakou.ingest.internal;

import java.io.PrintWriter;

import org.lakou.ingest.IngestJob;

/**
 * {@code [#####.....] 42/113 files  3.1 files/s}. On a console it redraws one line with
 * {@code \r}; in a log or a pipe that would be noise, so it prints a line per 10 % instead.
 */
final class ProgressBar implements BatchImporter.Progress {

    private static final int WIDTH = 30;
    private static final long REDRAW_MS = 100;

    private final PrintWriter out;
    private final boolean console;
    private final String unit;
    private final long started = System.nanoTime();
    private long lastDraw;
    private int lastDecile = -1;
    private boolean drawn;

    ProgressBar(PrintWriter out, boolean console) {
        this(out, console, "files");
    }

    ProgressBar(PrintWriter out, boolean console, String unit) {
        this.out = out;
        this.console = console;
        this.unit = unit;
    }

    @Override
    public void update(IngestJob job) {
        int done = job.processed();
        int total = job.total();
        update(done, total, job.state() != IngestJob.State.RUNNING || (total > 0 && done == total));
    }

    synchronized void update(int done, int total, boolean last) {
        if (console) {
            long now = System.nanoTime() / 1_000_000;
            if (last || now - lastDraw >= REDRAW_MS) {
                lastDraw = now;
                out.print("\r" + line(done, total));
                out.flush();
                drawn = true;
            }
        } else {
            int decile = total == 0 ? 10 : done * 10 / total;
            if (decile > lastDecile) {
                lastDecile = decile;
                out.println(line(done, total));
                out.flush();
            }
        }
    }

    /** Ends the redrawn line so the summary starts on its own. */
    synchronized void finish() {
        if (console && drawn) {
            out.println();
            out.flush();
        }
    }

    String line(int done, int total) {
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + unit + "  "
                + String.format("%.1f %s/s", done / seconds, unit);
    }
}
