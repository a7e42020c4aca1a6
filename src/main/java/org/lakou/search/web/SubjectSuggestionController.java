package org.lakou.search.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lakou.search.RecordSuggestions;
import org.lakou.search.SubjectDecision;
import org.lakou.search.SubjectSuggester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Subject suggestions", description = "Thesaurus concepts found in a record's text, for the documentalist")
@RestController
@RequestMapping("/api/records/{id}/subject-suggestions")
class SubjectSuggestionController {

    /** What the documentalist answers for one suggested concept. */
    record DecisionRequest(String conceptUri, SubjectDecision.Decision decision) {
    }

    private final SubjectSuggester suggester;

    SubjectSuggestionController(SubjectSuggester suggester) {
        this.suggester = suggester;
    }

    @Operation(summary = "Suggested subjects for a record (staff)",
            description = "Concepts of the thematic, local and geographic schemes whose labels occur in the record's "
                    + "title, abstract and full text (first 200,000 characters), ranked by title mentions, frequency "
                    + "and specificity. Each carries the decision already taken on it and whether the record "
                    + "already has it; decisions lists every decision recorded for the record.")
    @GetMapping
    RecordSuggestions suggestions(@PathVariable String id, @RequestParam(defaultValue = "10") int limit) {
        return suggester.suggestForRecord(id, limit);
    }

    @Operation(summary = "Accept or reject a suggested subject (staff)",
            description = "Body {conceptUri, decision: accepted|rejected}. Accepting adds the concept to the record's "
                    + "subjects (territories for a geographic concept) at its current version; every decision is "
                    + "recorded and shown with the suggestions.")
    @PostMapping
    SubjectDecision decide(@PathVariable String id, @RequestBody DecisionRequest body) {
        return suggester.decide(id, body == null ? null : body.conceptUri(), body == null ? null : body.decision());
    }

    @Operation(summary = "Accept or reject a suggested subject, decision in the path (staff)")
    @PostMapping("/{decision}")
    SubjectDecision decideInPath(@PathVariable String id, @PathVariable String decision,
            @RequestParam String conceptUri) {
        return suggester.decide(id, conceptUri, SubjectDecision.Decision.parse(decision));
    }
}
