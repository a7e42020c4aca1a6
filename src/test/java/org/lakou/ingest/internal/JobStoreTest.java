package org.lakou.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.ingest.IngestJob;
import org.lakou.ingest.IngestJob.State;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A batch job whose server was killed must not show as running for long: it is failed as soon as
 * its node is seen to have stopped beating, while a job on a living node stays running.
 */
class JobStoreTest extends IntegrationTestBase {

    @Autowired
    JobStore jobs;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aJobOfAStoppedNodeFailsWhenReadAndOneOfALivingNodeKeepsRunning() {
        String dead = node(30);
        String living = node(1);
        String deadJob = running(dead);
        String livingJob = running(living);

        IngestJob failed = jobs.find(deadJob).orElseThrow();
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.error()).contains("its server stopped");
        assertThat(failed.finished()).isNotNull();
        assertThat(mongo.findById(deadJob, Document.class, JobStore.COLLECTION).getString("state"))
                .as("the verdict is stored, not only shown").isEqualTo("FAILED");

        assertThat(jobs.find(livingJob).orElseThrow().state()).isEqualTo(State.RUNNING);
        assertThat(jobs.recent(200)).filteredOn(j -> j.id().equals(livingJob)).singleElement()
                .satisfies(j -> assertThat(j.state()).isEqualTo(State.RUNNING));
    }

    @Test
    void aJobThatNamesNoNodeFailsOnlyAfterALongSilence() {
        String recent = legacy(60);
        String silent = legacy(11 * 60);
        jobs.failSilentJobs();
        assertThat(jobs.find(recent).orElseThrow().state()).isEqualTo(State.RUNNING);
        assertThat(jobs.find(silent).orElseThrow().state()).isEqualTo(State.FAILED);
    }

    /** A node whose last heartbeat was this many seconds ago. */
    private String node(int secondsAgo) {
        String id = "node-" + UUID.randomUUID();
        mongo.getCollection("app_nodes").insertOne(new Document("_id", id)
                .append("seen", Date.from(clock.instant().minusSeconds(secondsAgo))));
        return id;
    }

    private String running(String node) {
        String id = UUID.randomUUID().toString();
        mongo.getCollection(JobStore.COLLECTION).insertOne(job(id).append("node", node)
                .append("heartbeat", Date.from(clock.instant())));
        return id;
    }

    /** A job written before jobs named their node, last heard of this many seconds ago. */
    private String legacy(int secondsAgo) {
        String id = UUID.randomUUID().toString();
        mongo.getCollection(JobStore.COLLECTION).insertOne(job(id)
                .append("heartbeat", Date.from(clock.instant().minusSeconds(secondsAgo))));
        return id;
    }

    private Document job(String id) {
        return new Document("_id", id).append("state", "RUNNING").append("source", "/tmp/lot")
                .append("total", 10).append("imported", 3).append("duplicates", 0)
                .append("quarantined", new Document(Map.of())).append("skippedTooLarge", 0).append("failed", 0)
                .append("skipped", new Document()).append("started", Date.from(clock.instant().minusSeconds(60)))
                .append("finished", null).append("error", null);
    }
}
