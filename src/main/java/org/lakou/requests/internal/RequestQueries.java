package org.lakou.requests.internal;

import java.time.Instant;
import java.util.List;

import org.lakou.requests.DocRequest;
import org.lakou.requests.RequestChanged;
import org.lakou.requests.RequestStatus;
import org.lakou.shared.ReadCache;
import org.lakou.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The read side of the requests: lists and counts, each limited to what the viewer may see (staff
 * see every request, a member their own). The workflow that changes requests is {@link RequestService},
 * which reports each write here ({@link #written}).
 */
@Component
class RequestQueries {

    private static final Sort NEWEST = Sort.by(Sort.Direction.DESC, "created");

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    /**
     * Staff counts by status: every staff page's navigation shows the new requests, and a count is a
     * scan on the embedded MongoDB; dropped on each write, which all go through {@link #written}.
     */
    private final ReadCache<RequestStatus, Long> staffCounts = new ReadCache<>(RequestStatus.values().length);

    RequestQueries(MongoTemplate mongo, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.events = events;
    }

    /** After each write of a request: drops the cached counts, then tells the other modules. */
    DocRequest written(RequestDocument d) {
        staffCounts.invalidate();
        DocRequest r = d.toRequest();
        events.publishEvent(new RequestChanged(r.id(), r.status()));
        return r;
    }

    List<DocRequest> list(Viewer v, RequestStatus status, String assignee) {
        Criteria c = visible(v);
        if (status != null) {
            c = c.and("status").is(status);
        }
        if (assignee != null) {
            c = c.and("assignee").is(assignee);
        }
        return find(Query.query(c).with(NEWEST).limit(500));
    }

    long count(Viewer v, RequestStatus status) {
        if (v.isStaff()) {
            return staffCounts.get(status, () -> countVisible(v, status));
        }
        return countVisible(v, status);
    }

    private long countVisible(Viewer v, RequestStatus status) {
        return mongo.count(Query.query(visible(v).and("status").is(status)), RequestDocument.class);
    }

    List<DocRequest> submittedBetween(Instant from, Instant to) {
        return find(Query.query(Criteria.where("created").gte(from).lt(to)).with(Sort.by("created")));
    }

    /** A member's requests; a member asking for someone else's gets their own, never a 403. */
    List<DocRequest> ofMember(Viewer v, String memberId) {
        String who = v.isStaff() ? memberId : v.memberId();
        return find(Query.query(Criteria.where("memberId").is(who)).with(NEWEST));
    }

    private static Criteria visible(Viewer v) {
        return v.isStaff() ? new Criteria() : Criteria.where("memberId").is(v.memberId());
    }

    private List<DocRequest> find(Query q) {
        return mongo.find(q, RequestDocument.class).stream().map(RequestDocument::toRequest).toList();
    }
}
