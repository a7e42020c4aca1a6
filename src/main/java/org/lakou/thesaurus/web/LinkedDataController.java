package org.lakou.thesaurus.web;

import java.io.ByteArrayOutputStream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lakou.shared.ApiException;
import org.lakou.thesaurus.Concept;
import org.lakou.thesaurus.ThesaurusApi;
import org.lakou.thesaurus.internal.LinkedDataService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Dereferenceable URIs for concepts Lakou mints, and whole-scheme dumps, by content negotiation. */
@Tag(name = "Linked data", description = "Concept URIs and scheme dumps in Turtle, RDF/XML, JSON-LD or JSON")
@RestController
@RequestMapping("/thesaurus")
class LinkedDataController {

    private final LinkedDataService linkedData;
    private final ThesaurusApi thesaurus;

    LinkedDataController(LinkedDataService linkedData, ThesaurusApi thesaurus) {
        this.linkedData = linkedData;
        this.thesaurus = thesaurus;
    }

    @Operation(summary = "A concept minted by Lakou: its RDF description, the API JSON for application/json, or a 303 to its page for text/html")
    @GetMapping("/concepts/{id}")
    ResponseEntity<?> concept(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestParam(required = false) String format, @RequestParam(required = false) String lang) {
        Concept c = linkedData.mintedConcept(id).orElseThrow(() -> ApiException.notFound("Concept", id));
        if (format == null && RdfNegotiation.prefersHtml(accept)) {
            // a browser following the concept's URI reads its page
            return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .location(UriComponentsBuilder.fromPath("/thesaurus/concept").queryParam("uri", c.uri())
                            .encode().build().toUri())
                    .build();
        }
        var choice = RdfNegotiation.choose(accept, format, true);
        if (choice.json()) {
            return ResponseEntity.ok().header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .body(ConceptView.of(c, thesaurus.ancestors(c.uri()), lang));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        linkedData.writeConcept(c.uri(), choice.syntax(), out);
        return rdf(choice, out);
    }

    @Operation(summary = "The current version of a scheme (by id), Turtle by default")
    @GetMapping("/schemes/{id}")
    ResponseEntity<?> scheme(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestParam(required = false) String format) {
        var choice = RdfNegotiation.choose(accept, format, true);
        if (choice.json()) {
            return ResponseEntity.ok().header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .body(thesaurus.scheme(linkedData.schemeId(id)).orElseThrow());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        linkedData.writeScheme(id, choice.syntax(), out);
        return rdf(choice, out);
    }

    private static ResponseEntity<byte[]> rdf(RdfNegotiation.Choice choice, ByteArrayOutputStream out) {
        return ResponseEntity.ok().contentType(RdfNegotiation.mediaType(choice.syntax()))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(out.toByteArray());
    }
}
