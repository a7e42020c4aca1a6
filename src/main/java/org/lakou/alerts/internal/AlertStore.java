package org.lakou.alerts.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.lakou.alerts.AlertCommand;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code alerts} collection and the log of digests sent ({@code alert_digests}). Edits and the
 * digest job write disjoint fields with field-level updates, so a member saving an alert while
 * its digest goes out can neither undo the job's progress nor be undone by it.
 */
@Component
class AlertStore {

    static final String DIGESTS = "alert_digests";

    private final MongoTemplate mongo;

    AlertStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    AlertDocument insert(AlertDocument d) {
        return mongo.insert(d);
    }

    Optional<AlertDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, AlertDocument.class));
    }

    List<AlertDocument> ofMember(String memberId) {
        Query q = Query.query(Criteria.where("memberId").is(memberId)).with(Sort.by("created"));
        return mongo.find(q, AlertDocument.class);
    }

    long countOf(String memberId) {
        return mongo.count(Query.query(Criteria.where("memberId").is(memberId)), AlertDocument.class);
    }

    /** Every active alert: a sweep of a small collection, once per job run. */
    List<AlertDocument> active() {
        Query q = Query.query(Criteria.where("active").is(true));
        q.cursorBatchSize(500);
        return mongo.find(q, AlertDocument.class);
    }

    /**
     * Replaces the member-editable fields. Coming back from a pause moves the start of the next
     * digest to {@code now}: a paused alert is silent, it does not pile up news for later.
     */
    Optional<AlertDocument> replace(String id, AlertCommand c, boolean reactivated, Instant now) {
        Update u = Update.update("name", c.name().trim()).set("concepts", distinct(c.concepts()))
                .set("types", distinct(c.types())).set("territories", distinct(c.territories()))
                .set("frequency", c.frequency()).set("active", c.active()).set("search", c.search());
        if (reactivated) {
            u.max("coveredUntil", Date.from(now));
        }
        return Optional.ofNullable(mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), u,
                FindAndModifyOptions.options().returnNew(true), AlertDocument.class));
    }

    boolean delete(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), AlertDocument.class).getDeletedCount() > 0;
    }

    /** Records first published before {@code until} are settled for this alert; never moves back. */
    void advance(String id, Instant until) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().max("coveredUntil", Date.from(until)),
                AlertDocument.class);
    }

    /** After the digest {@code key} left: what it listed, then the alert's progress. */
    void sent(AlertDocument a, String key, Instant from, Instant until, List<String> recordIds, Instant at) {
        mongo.save(new Document("_id", key).append("alertId", a.id).append("memberId", a.memberId)
                .append("from", Date.from(from)).append("until", Date.from(until))
                .append("recordIds", recordIds).append("at", Date.from(at)), DIGESTS);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(a.id)),
                new Update().max("coveredUntil", Date.from(until)).set("lastSent", at).set("lastDigest", key),
                AlertDocument.class);
    }

    static List<String> distinct(List<String> values) {
        return new ArrayList<>(values.stream().map(String::trim).distinct().toList());
    }
}
