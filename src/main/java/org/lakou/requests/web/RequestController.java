package org.lakou.requests.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.lakou.circulation.Hold;
import org.lakou.circulation.Loan;
import org.lakou.requests.DocRequest;
import org.lakou.requests.NewRequest;
import org.lakou.requests.RequestApi;
import org.lakou.requests.RequestStatus;
import org.lakou.shared.ApiException;
import org.lakou.shared.FileResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Documentation requests: members submit and follow theirs; staff work the inbox. */
@Tag(name = "Requests", description = "Documentation requests and their workflow")
@RestController
@RequestMapping("/api/requests")
class RequestController {

    private final RequestApi requests;

    RequestController(RequestApi requests) {
        this.requests = requests;
    }

    record Note(@Size(max = 5000) String note) {
    }

    record Refusal(@NotBlank @Size(max = 5000) String reason) {
    }

    record Assignment(@NotBlank String memberId) {
    }

    record WorkLog(@NotBlank @Size(max = 5000) String note, @jakarta.validation.constraints.NotNull @Min(0) Integer minutes) {
    }

    record AnswerBody(@NotBlank @Size(max = 50000) String text, List<String> recordIds, List<String> fileIds,
            @Min(0) Integer minutes) {
    }

    record LoanBody(@NotBlank String barcode) {
    }

    record HoldBody(@NotBlank String recordId) {
    }

    @Operation(summary = "Submit a request (a member for themselves, staff on a member's behalf)")
    @PostMapping
    ResponseEntity<DocRequest> submit(@Valid @RequestBody NewRequest body) {
        DocRequest r = requests.submit(body);
        return ResponseEntity.created(URI.create("/api/requests/" + r.id())).body(r);
    }

    @Operation(summary = "My requests (members) or the inbox (staff)")
    @GetMapping
    List<DocRequest> list(@RequestParam(required = false) RequestStatus status,
            @RequestParam(required = false) String assignee) {
        return requests.list(status, assignee);
    }

    @Operation(summary = "A request; members see only their own (403)")
    @GetMapping("/{id}")
    DocRequest get(@PathVariable String id) {
        return requests.get(id);
    }

    @Operation(summary = "Accept a new request (staff); the member is e-mailed")
    @PostMapping("/{id}/accept")
    DocRequest accept(@PathVariable String id, @Valid @RequestBody(required = false) Note body) {
        return requests.accept(id, body == null ? null : body.note());
    }

    @Operation(summary = "Refuse a new request with a reason (staff)")
    @PostMapping("/{id}/refuse")
    DocRequest refuse(@PathVariable String id, @Valid @RequestBody Refusal body) {
        return requests.refuse(id, body.reason());
    }

    @Operation(summary = "Start working on an accepted request (staff)")
    @PostMapping("/{id}/start")
    DocRequest start(@PathVariable String id) {
        return requests.start(id);
    }

    @Operation(summary = "Assign to a documentalist (staff)")
    @PutMapping("/{id}/assignee")
    DocRequest assign(@PathVariable String id, @Valid @RequestBody Assignment body) {
        return requests.assign(id, body.memberId());
    }

    @Operation(summary = "Log an action with the time spent, in minutes (staff)")
    @PostMapping("/{id}/actions")
    DocRequest log(@PathVariable String id, @Valid @RequestBody WorkLog body) {
        return requests.logAction(id, body.note(), body.minutes());
    }

    @Operation(summary = "Attach a file for the answer (staff, multipart field `file`)")
    @PostMapping(path = "/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DocRequest.Attachment> attach(@PathVariable String id, @RequestPart("file") MultipartFile file)
            throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(requests.attach(id, FileResponses.baseName(file.getOriginalFilename()), file.getContentType(),
                        file.getBytes()));
    }

    @Operation(summary = "Download a file of a request (its member or staff)")
    @GetMapping("/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable String id, @PathVariable String fileId) {
        DocRequest r = requests.get(id);
        var a = r.files().stream().filter(f -> f.id().equals(fileId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("File", fileId));
        return FileResponses.attachment(a.mimeType(), a.name()).body(requests.file(id, fileId));
    }

    @Operation(summary = "Answer (staff): text, cited records, attached files; the member is e-mailed")
    @PostMapping("/{id}/answer")
    DocRequest answer(@PathVariable String id, @Valid @RequestBody AnswerBody body) {
        return requests.answer(id, body.text(), body.recordIds(), body.fileIds(), body.minutes() == null ? 0 : body.minutes());
    }

    @Operation(summary = "Close an answered request (its member or staff)")
    @PostMapping("/{id}/close")
    DocRequest close(@PathVariable String id) {
        return requests.close(id);
    }

    @Operation(summary = "Lend a copy of a record cited in the answer to the requester (staff)")
    @PostMapping("/{id}/loans")
    ResponseEntity<Loan> lend(@PathVariable String id, @Valid @RequestBody LoanBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(requests.lendFromAnswer(id, body.barcode()));
    }

    @Operation(summary = "Hold a record cited in the answer for the requester (its member or staff)")
    @PostMapping("/{id}/holds")
    ResponseEntity<Hold> hold(@PathVariable String id, @Valid @RequestBody HoldBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(requests.holdFromAnswer(id, body.recordId()));
    }
}
