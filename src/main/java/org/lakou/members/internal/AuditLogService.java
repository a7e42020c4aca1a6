package org.lakou.members.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.lakou.members.AuditEntry;
import org.lakou.members.AuditLog;
import org.lakou.shared.Ids;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Append-only {@code audit_log}. The {@code _id} starts with the time in milliseconds (zero
 * padded), so ids sort in time order; reading is a rare administrator action, so its scan is fine.
 */
@Service
class AuditLogService implements AuditLog {

    static final String COLLECTION = "audit_log";

    private final MongoTemplate mongo;
    private final Clock clock;

    AuditLogService(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
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
        mongo.insert(new Document("_id", id).append("at", Date.from(now)).append("actorId", actorId)
                .append("actorEmail", actorEmail).append("action", action).append("target", target)
                .append("status", status).append("detail", detail), COLLECTION);
    }

    @Override
    public List<AuditEntry> recent(String actorId, int limit) {
        Query q = actorId == null ? new Query() : Query.query(Criteria.where("actorId").is(actorId));
        q.with(Sort.by(Sort.Direction.DESC, "_id")).limit(Math.max(1, Math.min(limit, 1000)));
        return mongo.find(q, Document.class, COLLECTION).stream()
                .map(d -> new AuditEntry(d.getString("_id"), d.getDate("at").toInstant(), d.getString("actorId"),
                        d.getString("actorEmail"), d.getString("action"), d.getString("target"),
                        d.getInteger("status", 0), d.getString("detail")))
                .toList();
    }
}
