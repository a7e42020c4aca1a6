package org.lakou.ingest.web;

import io.swagger.v3.oas.annotations.Hidden;

import org.lakou.ingest.IngestApi;
import org.lakou.ingest.IngestOutcome;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The quarantine ({@code /gestion/quarantaine}): the files with their reasons, retry and discard. */
@Hidden
@Controller
class QuarantinePageController {

    private static final int LIMIT = 200;

    private final IngestApi ingest;

    QuarantinePageController(IngestApi ingest) {
        this.ingest = ingest;
    }

    @GetMapping("/gestion/quarantaine")
    String list(Model model) {
        model.addAttribute("entries", ingest.quarantine(LIMIT));
        return "ingest/quarantine";
    }

    @PostMapping("/gestion/quarantaine/{id}/reessayer")
    String retry(@PathVariable String id, RedirectAttributes redirect) {
        IngestOutcome outcome = ingest.retryQuarantined(id);
        if (outcome.status() == IngestOutcome.Status.QUARANTINED) {
            redirect.addFlashAttribute("flash", "cat.quarantine.still");
            return "redirect:/gestion/quarantaine";
        }
        redirect.addFlashAttribute("flash", "cat.quarantine.recovered");
        return "redirect:" + RecordEditorPageController.address(outcome.record());
    }

    @PostMapping("/gestion/quarantaine/{id}/supprimer")
    String discard(@PathVariable String id, RedirectAttributes redirect) {
        ingest.discardQuarantined(id);
        redirect.addFlashAttribute("flash", "cat.quarantine.discarded");
        return "redirect:/gestion/quarantaine";
    }
}
