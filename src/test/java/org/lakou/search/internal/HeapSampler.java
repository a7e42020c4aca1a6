package org.lakou.search.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The live heap during a long phase: every {@code periodMs} a full collection, then the heap in
 * use, so garbage never counts. Both sides of a comparison are sampled alike, so they pay alike.
 */
final class HeapSampler implements AutoCloseable {

    private final List<Long> samples = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile boolean running = true;

    HeapSampler(long periodMs) {
        samples.add(live());
        thread = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(periodMs);
                } catch (InterruptedException e) {
                    return;
                }
                if (running) {
                    samples.add(live());
                }
            }
        }, "bench-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    static long live() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
        samples.add(live());
    }

    long start() {
        return samples.get(0);
    }

    long end() {
        return samples.get(samples.size() - 1);
    }

    long peak() {
        return samples.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** Flat: the second half of the run never rose more than {@code slack} above the first half's peak. */
    boolean flat(long slack) {
        List<Long> s = List.copyOf(samples);
        int half = Math.max(1, s.size() / 2);
        long first = s.subList(0, half).stream().mapToLong(Long::longValue).max().orElse(0);
        long second = s.subList(half, s.size()).stream().mapToLong(Long::longValue).max().orElse(0);
        return second <= first + slack;
    }

    String describe() {
        return String.format("start %d MiB, peak %d MiB, end %d MiB (%d samples)", start() >> 20, peak() >> 20,
                end() >> 20, samples.size());
    }
}
