package org.lakou.search.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How the indexer thread sleeps: woken at once by in-process changes, or after its poll interval;
 * a back-off that changes cannot cut short. Both end early when the indexer stops.
 */
final class IndexerSignal {

    private final Object signal = new Object();
    private final BooleanSupplier running;
    private boolean woken;

    IndexerSignal(BooleanSupplier running) {
        this.running = running;
    }

    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** @return false when the thread was interrupted */
    boolean await(Duration timeout) {
        synchronized (signal) {
            try {
                long deadline = System.nanoTime() + timeout.toNanos();
                while (running.getAsBoolean() && !woken) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !waitOn(left)) {
                        return left <= 0;
                    }
                }
                return true;
            } finally {
                woken = false;
            }
        }
    }

    /** Changes keep arriving during an outage; they must not cut the back-off short. @return false if interrupted */
    boolean pause(Duration d) {
        synchronized (signal) {
            long deadline = System.nanoTime() + d.toNanos();
            while (running.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                if (!waitOn(left)) {
                    return false;
                }
            }
            return true;
        }
    }

    private boolean waitOn(long nanos) {
        try {
            signal.wait(Math.max(1, nanos / 1_000_000));
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
