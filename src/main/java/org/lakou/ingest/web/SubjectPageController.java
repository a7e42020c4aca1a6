package org.lakou.ingest.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Hidden;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.search.SubjectDecision;
import org.lakou.search.SubjectSuggester;
import org.lakou.search.SubjectSuggestion;
import org.lakou.shared.ApiException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Accepter" / "Rejeter" on a suggested subject, and adding a concept picked in the autocomplete,
 * both through {@link SubjectSuggester#decide} (the subject-suggestion API's own call). Under htmx
 * the answer is the suggestion's row, plus the form's subject list and version swapped out of band:
 * an accepted subject is saved on the record, so the open form must carry it and the new version,
 * or its next save would drop the subject or be refused as a conflict. Without JavaScript the page
 * is simply shown again.
 */
@Hidden
@Controller
class SubjectPageController {

    private final SubjectSuggester suggester;
    private final CatalogueApi catalogue;
    private final EditorModel editor;

    SubjectPageController(SubjectSuggester suggester, CatalogueApi catalogue, EditorModel editor) {
        this.suggester = suggester;
        this.catalogue = catalogue;
        this.editor = editor;
    }

    @PostMapping("/gestion/notices/{id}/sujets")
    String decide(@PathVariable String id, @RequestParam String conceptUri, @RequestParam String decision,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        SubjectDecision d = suggester.decide(id, conceptUri, SubjectDecision.Decision.parse(decision));
        Record r = catalogue.get(id);
        if (htmx == null) {
            redirect.addFlashAttribute("flash", "cat.subject." + d.decision().code());
            return "redirect:" + RecordEditorPageController.address(r);
        }
        List<SubjectSuggestion> suggestions = editor.suggestions(id);
        SubjectSuggestion row = suggestions == null ? null : suggestions.stream()
                .filter(s -> s.uri().equals(conceptUri)).findFirst().orElse(null);
        RecordForm form = RecordForm.of(r);
        model.addAttribute("record", r);
        model.addAttribute("form", form);
        model.addAttribute("s", row);
        model.addAttribute("decided", d);
        model.addAttribute("labels", editor.labels(form, suggestions));
        return "ingest/record-parts :: decided";
    }

    @PostMapping("/gestion/notices/{id}/sujets/ajouter")
    String add(@PathVariable String id, @RequestParam(defaultValue = "") String conceptUri,
            RedirectAttributes redirect) {
        if (conceptUri.isBlank()) {
            throw ApiException.badRequest("Choose a concept in the list first");
        }
        suggester.decide(id, conceptUri.strip(), SubjectDecision.Decision.ACCEPTED);
        redirect.addFlashAttribute("flash", "cat.subject.added");
        return "redirect:" + RecordEditorPageController.address(catalogue.get(id));
    }
}
