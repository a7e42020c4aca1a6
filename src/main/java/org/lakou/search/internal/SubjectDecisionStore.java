package org.lakou.search.internal;

import java.util.List;

import org.lakou.search.SubjectDecision;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The documentalists' decisions on subject suggestions, in the search module's own collection. */
@Component
class SubjectDecisionStore {

    private final MongoTemplate mongo;

    SubjectDecisionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    SubjectDecision save(SubjectDecision d) {
        SubjectDecisionDocument doc = new SubjectDecisionDocument();
        doc.id = SubjectDecisionDocument.idOf(d.recordId(), d.conceptUri());
        doc.recordId = d.recordId();
        doc.conceptUri = d.conceptUri();
        doc.label = d.label();
        doc.decision = d.decision().code();
        doc.decidedAt = d.decidedAt();
        doc.recordVersion = d.recordVersion();
        mongo.save(doc);
        return d;
    }

    /** Oldest first. */
    List<SubjectDecision> forRecord(String recordId) {
        Query q = Query.query(Criteria.where("recordId").is(recordId)).with(Sort.by("decidedAt", "_id"));
        return mongo.find(q, SubjectDecisionDocument.class).stream()
                .map(doc -> new SubjectDecision(doc.recordId, doc.conceptUri, doc.label,
                        SubjectDecision.Decision.parse(doc.decision), doc.decidedAt, doc.recordVersion))
                .toList();
    }
}
