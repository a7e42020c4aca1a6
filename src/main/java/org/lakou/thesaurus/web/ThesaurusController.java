package org.lakou.thesaurus.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.lakou.shared.ApiException;
import org.lakou.thesaurus.ApplyResult;
import org.lakou.thesaurus.Concept;
import org.lakou.thesaurus.ConceptSuggestion;
import org.lakou.thesaurus.ImportResult;
import org.lakou.thesaurus.LocalConceptCommand;
import org.lakou.thesaurus.SchemeDiff;
import org.lakou.thesaurus.SchemeInfo;
import org.lakou.thesaurus.SchemeVersion;
import org.lakou.thesaurus.ThesaurusApi;
import org.lakou.thesaurus.internal.ThesaurusProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Thesaurus", description = "SKOS schemes: import, versions, reading, autocomplete, local concepts")
@RestController
@RequestMapping("/api/thesaurus")
class ThesaurusController {

    private final ThesaurusApi thesaurus;
    private final ThesaurusProperties props;

    ThesaurusController(ThesaurusApi thesaurus, ThesaurusProperties props) {
        this.thesaurus = thesaurus;
        this.props = props;
    }

    @Operation(summary = "Import a scheme version from a multipart 'file'; 400 with the quality report on errors")
    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportResult> importFile(@RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String source, @RequestParam(defaultValue = "true") boolean apply)
            throws IOException {
        return created(thesaurus.importScheme(file.getBytes(), file.getOriginalFilename(), file.getContentType(),
                source == null ? "upload:" + file.getOriginalFilename() : source, apply));
    }

    @Operation(summary = "Import a scheme version sent as the raw body; the Content-Type (or ?fileName=) tells the syntax")
    @PostMapping("/imports")
    ResponseEntity<ImportResult> importBody(HttpServletRequest request,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestParam(required = false) String fileName, @RequestParam(required = false) String source,
            @RequestParam(defaultValue = "true") boolean apply) throws IOException {
        long max = props.maxImportSize().toBytes();
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (body.length > max) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Import too large",
                    "The body exceeds the maximum import size of " + props.maxImportSize()).with("reason", "too-large");
        }
        return created(thesaurus.importScheme(body, fileName, contentType, source == null ? "upload" : source, apply));
    }

    private static ResponseEntity<ImportResult> created(ImportResult r) {
        return ResponseEntity.created(URI.create("/api/thesaurus/schemes/" + r.schemeId() + "/versions")).body(r);
    }

    @Operation(summary = "List schemes with their current and last versions")
    @GetMapping("/schemes")
    List<SchemeInfo> schemes() {
        return thesaurus.schemes();
    }

    @Operation(summary = "One scheme")
    @GetMapping("/schemes/{id}")
    SchemeInfo scheme(@PathVariable String id) {
        return thesaurus.scheme(id).orElseThrow(() -> ApiException.notFound("Scheme", id));
    }

    @Operation(summary = "A scheme's stored versions, with their quality reports")
    @GetMapping("/schemes/{id}/versions")
    List<SchemeVersion> versions(@PathVariable String id) {
        return thesaurus.versions(id);
    }

    @Operation(summary = "Concepts added, removed, relabelled, moved and deprecated between two versions")
    @GetMapping("/schemes/{id}/diff")
    SchemeDiff diff(@PathVariable String id, @RequestParam int from, @RequestParam int to) {
        return thesaurus.diff(id, from, to);
    }

    @Operation(summary = "Make a version current; records using deprecated concepts are remapped or flagged",
            description = "An optional JSON body maps deprecated concept URIs to the concept that replaces them on "
                    + "records, overriding dct:isReplacedBy; an empty string flags their records for review instead.")
    @PostMapping("/schemes/{id}/versions/{version}/apply")
    ApplyResult apply(@PathVariable String id, @PathVariable int version,
            @RequestBody(required = false) java.util.Map<String, String> remappings) {
        return thesaurus.applyVersion(id, version, remappings == null ? java.util.Map.of() : remappings);
    }

    @Operation(summary = "Top concepts of a scheme")
    @GetMapping("/schemes/{id}/top")
    List<ConceptView> top(@PathVariable String id, @RequestParam(required = false) String lang) {
        return thesaurus.topConcepts(id).stream().map(c -> ConceptView.of(c, List.of(), lang)).toList();
    }

    @Operation(summary = "A concept with its labels, relations, notes, mappings and ancestors path")
    @GetMapping("/concept")
    ConceptView concept(@RequestParam String uri, @RequestParam(required = false) String lang) {
        Concept c = thesaurus.concept(uri).orElseThrow(() -> ApiException.notFound("Concept", uri));
        return ConceptView.of(c, thesaurus.ancestors(uri), lang);
    }

    @Operation(summary = "Autocomplete on pref and alt labels, accent- and case-insensitive")
    @GetMapping("/suggest")
    List<ConceptSuggestion> suggest(@RequestParam String q, @RequestParam(required = false) String lang,
            @RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > 100) {
            throw ApiException.badRequest("limit must be between 1 and 100");
        }
        return thesaurus.suggest(q, lang, limit);
    }

    @Operation(summary = "Add a local concept under an existing concept")
    @PostMapping("/local/concepts")
    ResponseEntity<Concept> addLocal(@Valid @RequestBody LocalConceptCommand command) {
        Concept c = thesaurus.addLocalConcept(command);
        return ResponseEntity.created(URI.create(c.uri())).body(c);
    }

    @Operation(summary = "The local concepts")
    @GetMapping("/local/concepts")
    List<Concept> local() {
        return thesaurus.localConcepts();
    }

    @Operation(summary = "Local additions as SKOS (Turtle, RDF/XML or JSON-LD by Accept): a change proposal")
    @GetMapping("/local/proposal")
    ResponseEntity<byte[]> proposal(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestParam(required = false) String format) {
        var syntax = RdfNegotiation.choose(accept, format, false).syntax();
        return ResponseEntity.ok().contentType(RdfNegotiation.mediaType(syntax))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=lakou-local-proposal." + syntax.extension())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .body(thesaurus.localProposal(syntax).getBytes(StandardCharsets.UTF_8));
    }
}
