package org.lakou.catalogue.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Copy;
import org.lakou.catalogue.NearDuplicate;
import org.lakou.catalogue.NearDuplicateLookup;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.catalogue.RecordNotFoundException;
import org.lakou.catalogue.RecordStatus;
import org.lakou.shared.ApiException;
import org.lakou.shared.Viewer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Records", description = "Bibliographic records and their copies")
@RestController
@RequestMapping("/api/records")
class RecordController {

    private final CatalogueApi catalogue;
    private final ShownCopies shown;
    private final ObjectProvider<NearDuplicateLookup> nearDuplicates;

    RecordController(CatalogueApi catalogue, ShownCopies shown, ObjectProvider<NearDuplicateLookup> nearDuplicates) {
        this.catalogue = catalogue;
        this.shown = shown;
        this.nearDuplicates = nearDuplicates;
    }

    @Operation(summary = "Create a draft record")
    @PostMapping
    ResponseEntity<Record> create(@Valid @RequestBody RecordFields fields) {
        Record r = catalogue.create(fields);
        return ResponseEntity.created(URI.create("/api/records/" + r.id())).eTag(etag(r)).body(shown.show(r));
    }

    @Operation(summary = "Get a record; its ETag is the version to send back in If-Match. Staff also get "
            + "nearDuplicates: [{id, title, similarity}], the live records whose text resembles this one's")
    @GetMapping("/{id}")
    ResponseEntity<RecordView> get(@PathVariable String id) {
        Record r = catalogue.get(id);
        Viewer viewer = Viewer.current();
        if (!r.deleted() && !r.visibleTo(viewer)) {
            // a draft, withdrawn or staff-only record does not exist for the public
            throw new RecordNotFoundException(id);
        }
        if (r.deleted()) {
            throw new ApiException(HttpStatus.GONE, "Record deleted", "Record " + id + " was deleted")
                    .with("id", id);
        }
        return ResponseEntity.ok().eTag(etag(r)).body(new RecordView(shown.show(r), nearDuplicates(id, viewer)));
    }

    /** Only staff catalogue, so only they pay for the lookup (and readers' record pages stay one read). */
    private List<NearDuplicate> nearDuplicates(String id, Viewer viewer) {
        NearDuplicateLookup lookup = nearDuplicates.getIfAvailable();
        return lookup == null || !viewer.isStaff() ? null : lookup.nearDuplicates(id, viewer);
    }

    @Operation(summary = "List records, newest change first")
    @GetMapping
    RecordPage list(@RequestParam(required = false) RecordStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw ApiException.badRequest("page must be >= 0 and size between 1 and 200");
        }
        return new RecordPage(catalogue.count(status), page, size, shown.show(catalogue.list(status, page, size)));
    }

    @Operation(summary = "Replace the editable fields; requires If-Match with the current version")
    @PutMapping("/{id}")
    ResponseEntity<Record> update(@PathVariable String id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody RecordFields fields) {
        Record r = catalogue.update(id, expectedVersion(ifMatch), fields);
        return ResponseEntity.ok().eTag(etag(r)).body(shown.show(r));
    }

    @Operation(summary = "Publish a record")
    @PostMapping("/{id}/publish")
    ResponseEntity<Record> publish(@PathVariable String id) {
        Record r = catalogue.publish(id);
        return ResponseEntity.ok().eTag(etag(r)).body(shown.show(r));
    }

    @Operation(summary = "Withdraw a record from public view")
    @PostMapping("/{id}/withdraw")
    ResponseEntity<Record> withdraw(@PathVariable String id) {
        Record r = catalogue.withdraw(id);
        return ResponseEntity.ok().eTag(etag(r)).body(shown.show(r));
    }

    @Operation(summary = "Delete a record, leaving a tombstone for harvesters")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        catalogue.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Add a physical copy")
    @PostMapping("/{id}/copies")
    ResponseEntity<Record> addCopy(@PathVariable String id, @Valid @RequestBody Copy copy) {
        notLive(copy);
        Record r = catalogue.addCopy(id, copy);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(etag(r)).body(shown.show(r));
    }

    @Operation(summary = "Change a copy's shelf mark, location or status")
    @PutMapping("/{id}/copies/{barcode}")
    ResponseEntity<Record> updateCopy(@PathVariable String id, @PathVariable String barcode,
            @Valid @RequestBody Copy copy) {
        if (!barcode.equals(copy.barcode())) {
            throw ApiException.badRequest("The barcode in the body must match the path");
        }
        notLive(copy);
        Record r = catalogue.updateCopy(id, copy);
        return ResponseEntity.ok().eTag(etag(r)).body(shown.show(r));
    }

    @Operation(summary = "Remove a copy")
    @DeleteMapping("/{id}/copies/{barcode}")
    ResponseEntity<Record> removeCopy(@PathVariable String id, @PathVariable String barcode) {
        Record r = catalogue.removeCopy(id, barcode);
        return ResponseEntity.ok().eTag(etag(r)).body(shown.show(r));
    }

    record RecordPage(long total, int page, int size, List<Record> records) {
    }

    private static void notLive(Copy copy) {
        if (ShownCopies.LIVE.contains(copy.status())) {
            throw ApiException.badRequest("A copy is " + copy.status().code()
                    + " only through circulation (checkout, hold); set available, lost, damaged, withdrawn or in-processing");
        }
    }

    private static String etag(Record r) {
        return "\"" + r.version() + "\"";
    }

    private static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "If-Match required",
                    "Send If-Match with the ETag (version) you read, so concurrent edits are not lost");
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("If-Match must carry a record version such as \"3\"");
        }
    }
}
