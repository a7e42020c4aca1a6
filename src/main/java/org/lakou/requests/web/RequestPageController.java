package org.lakou.requests.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Hidden;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.requests.AnswerKind;
import org.lakou.requests.DocRequest;
import org.lakou.requests.NewRequest;
import org.lakou.requests.RequestApi;
import org.lakou.shared.PublicUrl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Mes demandes": a member's documentation requests on {@link RequestApi}, which already keeps a
 * member to their own. A request about a record ("Demander" on its page) carries the record's
 * address in its text and the record's subjects as its concepts, so the inbox sees what it is about.
 */
@Hidden
@Controller
class RequestPageController {

    private final RequestApi requests;
    private final CatalogueApi catalogue;
    private final PublicUrl publicUrl;

    RequestPageController(RequestApi requests, CatalogueApi catalogue, PublicUrl publicUrl) {
        this.requests = requests;
        this.catalogue = catalogue;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/compte/demandes")
    String list(Model model) {
        model.addAttribute("requests", requests.list(null, null));
        return "requests/list";
    }

    @GetMapping("/compte/demandes/nouvelle")
    String form(@RequestParam(name = "notice", required = false) String recordId, Model model) {
        model.addAttribute("record", about(recordId));
        model.addAttribute("kinds", AnswerKind.values());
        return "requests/new";
    }

    @PostMapping("/compte/demandes")
    String submit(@RequestParam(name = "notice", required = false) String recordId,
            @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String description,
            @RequestParam(name = "attendu", required = false) List<AnswerKind> expected, Model model,
            RedirectAttributes redirect) {
        Record record = about(recordId);
        if (subject.isBlank() || description.isBlank()) {
            model.addAttribute("record", record);
            model.addAttribute("kinds", AnswerKind.values());
            model.addAttribute("error", "requests.missing");
            model.addAttribute("subject", subject);
            model.addAttribute("description", description);
            return "requests/new";
        }
        String text = record == null ? description
                : description + "\n\n" + record.title() + " : " + publicUrl.record(record.id());
        List<AnswerKind> kinds = expected == null || expected.isEmpty() ? List.of(AnswerKind.REFERENCES) : expected;
        DocRequest created = requests.submit(new NewRequest(subject.trim(), text, record == null ? List.of()
                : new ArrayList<>(record.subjects()), kinds, null, null));
        redirect.addFlashAttribute("flash", "requests.created");
        return "redirect:/compte/demandes/" + created.id();
    }

    @GetMapping("/compte/demandes/{id}")
    String detail(@PathVariable String id, Model model) {
        DocRequest r = requests.get(id);
        model.addAttribute("request", r);
        List<String> ids = r.answer() == null ? List.of() : r.answer().recordIds();
        Map<String, String> titles = ids.stream().distinct().map(catalogue::find).flatMap(java.util.Optional::stream)
                .filter(Record::isPublic)
                .collect(Collectors.toMap(Record::id, Record::title, (a, b) -> a));
        model.addAttribute("answerRecords", titles);
        model.addAttribute("answerFiles", r.answer() == null ? List.of() : r.files().stream()
                .filter(f -> r.answer().fileIds().contains(f.id())).toList());
        return "requests/detail";
    }

    @PostMapping("/compte/demandes/{id}/cloturer")
    String close(@PathVariable String id, RedirectAttributes redirect) {
        requests.close(id);
        redirect.addFlashAttribute("flash", "requests.closed");
        return "redirect:/compte/demandes/" + id;
    }

    private Record about(String recordId) {
        return recordId == null || recordId.isBlank() ? null
                : catalogue.find(recordId).filter(Record::isPublic).orElse(null);
    }
}
