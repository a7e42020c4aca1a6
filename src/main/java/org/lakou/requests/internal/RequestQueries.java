package org.lakou.requests.internal;

import java.time.Instant;
import java.util.List;

import org.lakou.requests.DocRequest;
import org.lakou.requests.RequestStatus;
import org.lakou.shared.Viewer;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The read side of the requests: lists and counts, each limited to what the viewer may see (staff
 * see every request, a member their own). The workflow that changes requests is {@link RequestService}.
 */
@Component
class RequestQueries {

    private static final Sort NEWEST = Sort.by(Sort.Direction.DESC, "created");

    private final MongoTemplate mongo;

    RequestQueries(MongoTemplate mongo) {
        this.mongo = mongo;
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
