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
 * each on a worker thread. Every node may tick: due is counted from the latest run recorded in
 * MongoDB, whichever node made it (so the nodes agree, and a restart changes nothing), and a node
 * that loses the lease to another for a scheduled run records nothing, so the run log shows runs,
 * not the nodes' race. Due means: never harvested, or the schedule's next time after the last
 * run's start has passed.
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
            Instant previous = latest(lastStart.get(s.id()), store.lastRunStart(s.id()).orElse(s.lastDatestamp()));
            if (previous == null || !next(s.schedule(), previous).isAfter(now)) {
                lastStart.put(s.id(), now);
                launch(s.id(), "schedule");
            }
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** Starts a run on a worker thread; false when this node is already running that source. */
    boolean launch(String sourceId, String trigger) {
        if (running.putIfAbsent(sourceId, true) != null) {
            return false;
        }
        workers.submit(() -> {
            try {
                harvester.run(sourceId, trigger, !"schedule".equals(trigger));
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
