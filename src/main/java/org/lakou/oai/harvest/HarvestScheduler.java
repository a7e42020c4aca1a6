package org.lakou.oai.harvest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Starts scheduled runs. Every tick it looks at the enabled sources and starts those that are due,
 * each on a worker thread; the harvester's lease makes a run that another node already started
 * a SKIPPED entry, so every node may tick. Due means: never harvested, or the schedule's next time
 * after the last run's start has passed.
 */
@Component
class HarvestScheduler {

    private static final Logger log = LoggerFactory.getLogger(HarvestScheduler.class);

    private final HarvestStore store;
    private final Harvester harvester;
    private final Clock clock;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "lakou-oai-harvest");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Instant> lastStart = new ConcurrentHashMap<>();
    private final Map<String, Boolean> running = new ConcurrentHashMap<>();

    HarvestScheduler(HarvestStore store, Harvester harvester, Clock clock) {
        this.store = store;
        this.harvester = harvester;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${lakou.oai.harvest.scheduler-tick:30s}", initialDelayString = "${lakou.oai.harvest.scheduler-tick:30s}")
    void tick() {
        Instant now = clock.instant();
        for (HarvestSource s : store.sources()) {
            if (!s.enabled() || s.schedule() == null || s.schedule().isBlank() || running.containsKey(s.id())) {
                continue;
            }
            Instant previous = lastStart.getOrDefault(s.id(), s.lastDatestamp());
            if (previous == null || !next(s.schedule(), previous).isAfter(now)) {
                lastStart.put(s.id(), now);
                launch(s.id(), "schedule");
            }
        }
    }

    /** Starts a run on a worker thread; false when this node is already running that source. */
    boolean launch(String sourceId, String trigger) {
        if (running.putIfAbsent(sourceId, true) != null) {
            return false;
        }
        workers.submit(() -> {
            try {
                harvester.run(sourceId, trigger);
            } catch (RuntimeException e) {
                log.warn("Harvest ({}) of {} failed: {}", trigger, sourceId, e.toString());
            } finally {
                running.remove(sourceId);
            }
        });
        return true;
    }

    static Instant next(String schedule, Instant after) {
        Object parsed = HarvestSourceRequest.Schedules.parse(schedule);
        if (parsed instanceof Duration d) {
            return after.plus(d);
        }
        if (parsed instanceof CronExpression cron) {
            var next = cron.next(after.atZone(ZoneOffset.UTC));
            return next == null ? Instant.MAX : next.toInstant();
        }
        return Instant.MAX;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
