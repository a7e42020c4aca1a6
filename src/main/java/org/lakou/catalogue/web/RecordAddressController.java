package org.lakou.catalogue.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The record's public address ({@code dc:identifier} in OAI, links in e-mails) answers JSON too,
 * with the same body, ETag and errors as {@code GET /api/records/{id}}. Browsers get the page
 * ({@link RecordPageController}): it declares no {@code produces}, so it also wins for
 * {@code Accept: *}{@code /*}, and this mapping only for an explicit JSON request.
 */
@Tag(name = "Records")
@RestController
class RecordAddressController {

    private final RecordController records;

    RecordAddressController(RecordController records) {
        this.records = records;
    }

    @Operation(summary = "A record at its public address, for Accept: application/json (as GET /api/records/{id})")
    @GetMapping(path = "/records/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RecordView> get(@PathVariable String id) {
        return records.get(id);
    }
}
