package org.lakou.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Two "nodes" on one Mongo: a lease has one holder until it is released or expires. */
class MongoJobLeaseTest extends IntegrationTestBase {

    @Autowired
    MongoTemplate mongo;

    @Test
    void oneHolderAtATime() {
        Clock clock = Clock.systemUTC();
        var nodeA = new MongoJobLease(mongo, clock);
        var nodeB = new MongoJobLease(mongo, clock);
        String job = "test-job-" + System.nanoTime();

        assertThat(nodeA.tryAcquire(job, Duration.ofMinutes(1))).isTrue();
        assertThat(nodeB.tryAcquire(job, Duration.ofMinutes(1))).isFalse();
        assertThat(nodeA.tryAcquire(job, Duration.ofMinutes(1))).as("the holder renews").isTrue();

        nodeA.release(job);
        assertThat(nodeB.tryAcquire(job, Duration.ofMinutes(1))).isTrue();
        assertThat(nodeA.tryAcquire(job, Duration.ofMinutes(1))).isFalse();
    }

    @Test
    void anExpiredLeaseIsTakenOver() {
        String job = "test-expiry-" + System.nanoTime();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        var crashed = new MongoJobLease(mongo, Clock.fixed(t0, ZoneOffset.UTC));
        var later = new MongoJobLease(mongo, Clock.fixed(t0.plusSeconds(61), ZoneOffset.UTC));

        assertThat(crashed.tryAcquire(job, Duration.ofSeconds(60))).isTrue();
        assertThat(later.tryAcquire(job, Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void racingNodesGetExactlyOneWinner() throws Exception {
        String job = "test-race-" + System.nanoTime();
        var pool = Executors.newFixedThreadPool(8);
        try {
            var tasks = IntStream.range(0, 16).mapToObj(i -> new MongoJobLease(mongo, Clock.systemUTC()))
                    .map(node -> (Callable<Boolean>) () -> node.tryAcquire(job, Duration.ofMinutes(1)))
                    .toList();
            long winners = 0;
            for (Future<Boolean> f : pool.invokeAll(tasks)) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
