package org.lakou.requests.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.lakou.requests.AnswerKind;
import org.lakou.requests.DocRequest;
import org.lakou.requests.RequestStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** The stored request; a few dozen a year, so listing them is a cheap scan. */
@Document("doc_requests")
class RequestDocument {

    @Id
    String id;
    String memberId;
    String submittedBy;
    String subject;
    String description;
    List<String> concepts = new ArrayList<>();
    List<AnswerKind> expected = new ArrayList<>();
    LocalDate desiredDate;
    RequestStatus status = RequestStatus.NEW;
    String assignee;
    String refusalReason;
    List<DocRequest.Action> actions = new ArrayList<>();
    DocRequest.Answer answer;
    List<DocRequest.Attachment> files = new ArrayList<>();
    Instant created;
    Instant modified;
    @Version
    Long version;

    DocRequest toRequest() {
        return new DocRequest(id, memberId, submittedBy, subject, description, List.copyOf(concepts),
                List.copyOf(expected), desiredDate, status, assignee, refusalReason, List.copyOf(actions), answer,
                List.copyOf(files), created, modified, version == null ? 0 : version);
    }
}
