package org.lakou.requests.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.circulation.CirculationApi;
import org.lakou.circulation.Hold;
import org.lakou.circulation.Loan;
import org.lakou.members.MemberApi;
import org.lakou.requests.DocRequest;
import org.lakou.requests.NewRequest;
import org.lakou.requests.RequestApi;
import org.lakou.requests.RequestStatus;
import org.lakou.shared.ApiException;
import org.lakou.shared.Ids;
import org.lakou.shared.Viewer;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The request workflow. Who may do what is checked here from the {@link Viewer}: a member reads,
 * closes and holds from their own requests only (403 otherwise); every other step is staff work.
 * Each change is one versioned save of the request document.
 */
@Service
class RequestService implements RequestApi {

    private final MongoTemplate mongo;
    private final RequestFiles files;
    private final RequestMails mails;
    private final MemberApi members;
    private final CatalogueApi catalogue;
    private final CirculationApi circulation;
    private final RequestsProperties props;
    private final Clock clock;
    private final RequestQueries queries;

    RequestService(MongoTemplate mongo, RequestFiles files, RequestMails mails, MemberApi members,
            CatalogueApi catalogue, CirculationApi circulation, RequestsProperties props, Clock clock,
            RequestQueries queries) {
        this.mongo = mongo;
        this.queries = queries;
        this.files = files;
        this.mails = mails;
        this.members = members;
        this.catalogue = catalogue;
        this.circulation = circulation;
        this.props = props;
        this.clock = clock;
    }

    @Override
    public DocRequest submit(NewRequest r) {
        Viewer v = Viewer.current();
        String memberId = r.memberId() == null ? v.memberId() : r.memberId();
        if (memberId == null || !v.mayActFor(memberId)) {
            throw forbidden("Members submit requests for themselves; staff may submit on a member's behalf");
        }
        members.get(memberId);
        RequestDocument d = new RequestDocument();
        d.id = Ids.newId();
        d.memberId = memberId;
        d.submittedBy = v.memberId();
        d.subject = r.subject().trim();
        d.description = r.description();
        d.concepts = new ArrayList<>(r.concepts());
        d.expected = new ArrayList<>(r.expected());
        d.desiredDate = r.desiredDate();
        d.created = clock.instant();
        d.modified = d.created;
        d.actions.add(action(memberId.equals(v.memberId()) ? "submitted" : "submitted on behalf", null, 0));
        return mongo.insert(d).toRequest();
    }

    @Override
    public DocRequest get(String id) {
        return readable(id).toRequest();
    }

    @Override
    public List<DocRequest> list(RequestStatus status, String assignee) {
        return queries.list(Viewer.current(), status, assignee);
    }

    @Override
    public long count(RequestStatus status) {
        return queries.count(Viewer.current(), status);
    }

    @Override
    public List<DocRequest> submittedBetween(Instant from, Instant to) {
        return queries.submittedBetween(from, to);
    }

    @Override
    public List<DocRequest> ofMember(String memberId) {
        return queries.ofMember(Viewer.current(), memberId);
    }

    @Override
    public DocRequest accept(String id, String note) {
        RequestDocument d = staffEdit(id);
        move(d, RequestStatus.ACCEPTED, note, 0);
        DocRequest saved = save(d);
        mails.accepted(saved);
        return saved;
    }

    @Override
    public DocRequest refuse(String id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.badRequest("A refusal needs a reason for the member");
        }
        RequestDocument d = staffEdit(id);
        move(d, RequestStatus.REFUSED, reason, 0);
        d.refusalReason = reason;
        DocRequest saved = save(d);
        mails.refused(saved);
        return saved;
    }

    @Override
    public DocRequest start(String id) {
        RequestDocument d = staffEdit(id);
        move(d, RequestStatus.IN_PROGRESS, null, 0);
        if (d.assignee == null) {
            d.assignee = Viewer.current().memberId();
        }
        return save(d);
    }

    @Override
    public DocRequest assign(String id, String documentalistId) {
        RequestDocument d = staffEdit(id);
        open(d);
        if (!members.get(documentalistId).role().isStaff()) {
            throw ApiException.badRequest("Requests are assigned to staff accounts");
        }
        d.assignee = documentalistId;
        d.actions.add(action("assigned", documentalistId, 0));
        return save(d);
    }

    @Override
    public DocRequest logAction(String id, String note, int minutes) {
        if (minutes < 0 || minutes > 24 * 60) {
            throw ApiException.badRequest("minutes must be between 0 and 1440");
        }
        RequestDocument d = staffEdit(id);
        open(d);
        d.actions.add(action("work", note, minutes));
        return save(d);
    }

    @Override
    public DocRequest.Attachment attach(String id, String name, String mimeType, byte[] bytes) {
        if (bytes.length > props.maxFileSize().toBytes()) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "File too large",
                    "Files attached to answers are limited to " + props.maxFileSize()).with("reason", "too-large");
        }
        RequestDocument d = staffEdit(id);
        open(d);
        var a = new DocRequest.Attachment(files.store(bytes), name == null ? "file" : name,
                mimeType == null ? "application/octet-stream" : mimeType, bytes.length);
        d.files.removeIf(f -> f.id().equals(a.id()));
        d.files.add(a);
        d.actions.add(action("file attached", a.name(), 0));
        save(d);
        return a;
    }

    @Override
    public byte[] file(String id, String fileId) {
        RequestDocument d = readable(id);
        if (d.files.stream().noneMatch(f -> f.id().equals(fileId))) {
            throw ApiException.notFound("File", fileId);
        }
        return files.read(fileId);
    }

    @Override
    public DocRequest answer(String id, String text, List<String> recordIds, List<String> fileIds, int minutes) {
        RequestDocument d = staffEdit(id);
        if (d.status == RequestStatus.ACCEPTED) {
            move(d, RequestStatus.IN_PROGRESS, null, 0);
        }
        List<String> records = recordIds == null ? List.of() : List.copyOf(recordIds);
        List<String> attached = fileIds == null ? List.of() : List.copyOf(fileIds);
        records.forEach(catalogue::get);
        java.util.Set<String> known = new java.util.HashSet<>(d.files.stream().map(DocRequest.Attachment::id).toList());
        if (!known.containsAll(attached)) {
            throw ApiException.badRequest("Attach files to the request before citing them in the answer");
        }
        move(d, RequestStatus.ANSWERED, null, Math.max(0, minutes));
        d.answer = new DocRequest.Answer(text, records, attached, clock.instant(), Viewer.current().memberId());
        DocRequest saved = save(d);
        mails.answered(saved);
        return saved;
    }

    @Override
    public DocRequest close(String id) {
        RequestDocument d = readable(id);
        move(d, RequestStatus.CLOSED, null, 0);
        return save(d);
    }

    @Override
    public Loan lendFromAnswer(String id, String barcode) {
        RequestDocument d = staffEdit(id);
        var record = catalogue.findByBarcode(barcode).orElseThrow(() -> ApiException.notFound("Copy", barcode));
        requireInAnswer(d, record.id());
        Loan loan = circulation.checkout(barcode, d.memberId);
        d.actions.add(action("loan", barcode, 0));
        save(d);
        return loan;
    }

    @Override
    public Hold holdFromAnswer(String id, String recordId) {
        RequestDocument d = readable(id);
        requireInAnswer(d, recordId);
        Hold hold = circulation.placeHold(recordId, d.memberId, d.id);
        d.actions.add(action("hold", recordId, 0));
        save(d);
        return hold;
    }

    private void requireInAnswer(RequestDocument d, String recordId) {
        if (d.answer == null || !d.answer.recordIds().contains(recordId)) {
            throw new ApiException(HttpStatus.CONFLICT, "Not in the answer",
                    "Loans and holds from a request are for records cited in its answer")
                    .with("reason", "not-in-answer");
        }
    }

    private RequestDocument load(String id) {
        return java.util.Optional.ofNullable(mongo.findById(id, RequestDocument.class))
                .orElseThrow(() -> ApiException.notFound("Request", id));
    }

    private RequestDocument readable(String id) {
        RequestDocument d = load(id);
        if (!Viewer.current().mayActFor(d.memberId)) {
            throw forbidden("This request is another member's");
        }
        return d;
    }

    private RequestDocument staffEdit(String id) {
        if (!Viewer.current().isStaff()) {
            throw forbidden("Only staff handle requests");
        }
        return load(id);
    }

    private void move(RequestDocument d, RequestStatus to, String note, int minutes) {
        if (!d.status.next().contains(to)) {
            throw new ApiException(HttpStatus.CONFLICT, "Invalid transition",
                    "A request " + d.status.code() + " cannot become " + to.code())
                    .with("reason", "invalid-transition").with("from", d.status.code()).with("to", to.code());
        }
        d.status = to;
        d.actions.add(action(to.code(), note, minutes));
    }

    private static void open(RequestDocument d) {
        if (d.status.next().isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, "Request finished", "The request is " + d.status.code())
                    .with("reason", "invalid-transition");
        }
    }

    private DocRequest.Action action(String what, String note, int minutes) {
        return new DocRequest.Action(clock.instant(), Viewer.current().memberId(), what, note, minutes);
    }

    private DocRequest save(RequestDocument d) {
        d.modified = clock.instant();
        return mongo.save(d).toRequest();
    }

    private static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "Forbidden", detail).with("reason", "forbidden");
    }
}
