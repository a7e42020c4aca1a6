package org.lakou.search.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One decision on one suggestion; {@code _id} is {@code recordId#conceptUri}, so a new decision replaces the old. */
@Document("subject_decisions")
class SubjectDecisionDocument {

    @Id
    String id;
    @Indexed
    String recordId;
    String conceptUri;
    String label;
    String decision;
    Instant decidedAt;
    long recordVersion;

    static String idOf(String recordId, String conceptUri) {
        return recordId + "#" + conceptUri;
    }
}
