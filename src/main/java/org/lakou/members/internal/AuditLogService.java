package org.lakou.members.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import jakarta.annotation.PreDestroy;

import org.bson.Document;
import org.lakou.members.AuditEntry;
import org.lakou.members.AuditLog;
import org.lakou.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Append-only {@code audit_log}. The {@code _id} starts with the time in milliseconds (zero
 * padded), so ids sort in time order; reading is a rare administrator action, so its scan is fine.
 * Entries are written in batches by a background thread (every 100 ms, one {@code insertMany}),
 * so auditing adds no database round trip to a staff request; a full buffer falls back to a direct
 * write, and shutdown flushes. A hard crash can lose the last 100 ms of entries.
 */
@Service
class AuditLogService implements AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLogService.class);
    static final String COLLECTION = "audit_log";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final BlockingQueue<Document> pending = new ArrayBlockingQueue<>(10_000);
    private final Thread writer;
    private volatile boolean running = true;

    AuditLogService(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.writer = new Thread(this::writeLoop, "audit-log-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void record(String action, String target, int status, String detail) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        String actorId = "system";
        String actorEmail = null;
        if (auth != null && auth.getPrincipal() instanceof LakouUser u) {
            actorId = u.memberId();
            actorEmail = u.email();
        }
        Instant now = clock.instant();
        String id = String.format("%013d-%s", now.toEpochMilli(), Ids.newId());
        Document d = new Document("_id", id).append("at", Date.from(now)).append("actorId", actorId)
                .append("actorEmail", actorEmail).append("action", action).append("target", target)
                .append("status", status).append("detail", detail);
        if (!pending.offer(d)) {
            mongo.getCollection(COLLECTION).insertOne(d);
        }
    }

    @Override
    public List<AuditEntry> recent(String actorId, int limit) {
        flush();
        Query q = actorId == null ? new Query() : Query.query(Criteria.where("actorId").is(actorId));
        q.with(Sort.by(Sort.Direction.DESC, "_id")).limit(Math.max(1, Math.min(limit, 1000)));
        return mongo.find(q, Document.class, COLLECTION).stream().map(AuditLogService::entry).toList();
    }

    @Override
    public List<AuditEntry> about(String text, int limit) {
        flush();
        Query q = Query.query(Criteria.where("target").regex(java.util.regex.Pattern.quote(text)));
        q.with(Sort.by(Sort.Direction.DESC, "_id")).limit(Math.max(1, Math.min(limit, 1000)));
        return mongo.find(q, Document.class, COLLECTION).stream().map(AuditLogService::entry).toList();
    }

    private static AuditEntry entry(Document d) {
        return new AuditEntry(d.getString("_id"), d.getDate("at").toInstant(), d.getString("actorId"),
                d.getString("actorEmail"), d.getString("action"), d.getString("target"),
                d.getInteger("status", 0), d.getString("detail"));
    }

    private void writeLoop() {
        while (running) {
            try {
                Thread.sleep(100);
                flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Could not write audit entries", e);
            }
        }
    }

    private synchronized void write(List<Document> batch) {
        if (!batch.isEmpty()) {
            mongo.getCollection(COLLECTION).insertMany(batch);
        }
    }

    synchronized void flush() {
        List<Document> batch = new ArrayList<>();
        pending.drainTo(batch);
        write(batch);
    }

    @PreDestroy
    void stop() {
        running = false;
        writer.interrupt();
        try {
            flush();
        } catch (RuntimeException e) {
            log.error("Could not flush the audit log at shutdown", e);
        }
    }
}
