package org.lakou.thesaurus.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lakou.shared.ApiException;
import org.lakou.thesaurus.internal.SparqlService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The SPARQL 1.1 protocol, query operation only: GET, form POST and direct POST. */
@Tag(name = "SPARQL", description = "Read-only SPARQL over the current thesaurus, with a timeout and a result cap")
@RestController
@RequestMapping("/thesaurus/sparql")
class SparqlController {

    private final SparqlService sparql;

    SparqlController(SparqlService sparql) {
        this.sparql = sparql;
    }

    @Operation(summary = "Run a query (?query=)")
    @GetMapping
    ResponseEntity<byte[]> get(@RequestParam(required = false) String query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer(sparql.run(query, accepted(accept)));
    }

    @Operation(summary = "Run a query sent as a form (query=...); update= is refused")
    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> form(@RequestParam(required = false) String query,
            @RequestParam(required = false) String update,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (update != null) {
            throw refused();
        }
        return answer(sparql.run(query, accepted(accept)));
    }

    @Operation(summary = "Run a query sent as application/sparql-query")
    @PostMapping(consumes = "application/sparql-query")
    ResponseEntity<byte[]> direct(@RequestBody String query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer(sparql.run(query, accepted(accept)));
    }

    @Operation(summary = "SPARQL Update: always refused")
    @PostMapping(consumes = "application/sparql-update")
    ResponseEntity<byte[]> update() {
        throw refused();
    }

    private static ApiException refused() {
        return new ApiException(HttpStatus.BAD_REQUEST, "Update refused",
                "This SPARQL endpoint is read-only: SPARQL Update is refused").with("reason", "update");
    }

    private static List<String> accepted(String accept) {
        return RdfNegotiation.accepted(accept).stream().map(t -> t.getType() + "/" + t.getSubtype()).toList();
    }

    private static ResponseEntity<byte[]> answer(SparqlService.Result r) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.parseMediaType(r.contentType()),
                StandardCharsets.UTF_8)).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(r.body());
    }
}
