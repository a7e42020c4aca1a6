package org.lakou.alerts.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Hidden;

import org.lakou.alerts.Alert;
import org.lakou.alerts.AlertApi;
import org.lakou.alerts.AlertCommand;
import org.lakou.alerts.AlertFrequency;
import org.lakou.shared.ApiException;
import org.lakou.thesaurus.Concept;
import org.lakou.thesaurus.ThesaurusApi;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Mes alertes": follow concepts (from a concept page), daily or weekly, pause or delete; on {@link AlertApi}. */
@Hidden
@Controller
class AlertPageController {

    private final AlertApi alerts;
    private final ThesaurusApi thesaurus;

    AlertPageController(AlertApi alerts, ThesaurusApi thesaurus) {
        this.alerts = alerts;
        this.thesaurus = thesaurus;
    }

    @GetMapping("/compte/alertes")
    String list(Model model) {
        List<Alert> mine = alerts.list(null);
        String lang = LocaleContextHolder.getLocale().getLanguage();
        Map<String, String> labels = mine.stream().flatMap(a -> a.concepts().stream()).distinct()
                .collect(Collectors.toMap(u -> u, u -> thesaurus.concept(u).map(c -> c.label(lang)).orElse(u)));
        model.addAttribute("alerts", mine);
        model.addAttribute("labels", labels);
        return "alerts/list";
    }

    @GetMapping("/compte/alertes/nouvelle")
    String form(@RequestParam String concept, Model model) {
        Concept c = thesaurus.concept(concept).orElseThrow(() -> ApiException.notFound("Concept", concept));
        model.addAttribute("concept", c);
        model.addAttribute("label", c.label(LocaleContextHolder.getLocale().getLanguage()));
        return "alerts/new";
    }

    @PostMapping("/compte/alertes")
    String create(@RequestParam String concept, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "WEEKLY") AlertFrequency frequency, RedirectAttributes redirect) {
        String label = thesaurus.concept(concept).map(c -> c.label(LocaleContextHolder.getLocale().getLanguage()))
                .orElseThrow(() -> ApiException.notFound("Concept", concept));
        try {
            alerts.create(new AlertCommand(name.isBlank() ? label : name.trim(), List.of(concept), List.of(),
                    List.of(), frequency, true));
            redirect.addFlashAttribute("flash", "alerts.created");
        } catch (ApiException e) {
            redirect.addFlashAttribute("flash", "alerts.refused");
        }
        return "redirect:/compte/alertes";
    }

    @PostMapping("/compte/alertes/{id}/frequence")
    String frequency(@PathVariable String id, @RequestParam(required = false) AlertFrequency frequency,
            RedirectAttributes redirect) {
        Alert a = alerts.get(id); // someone else's alert is a 404 before anything about the form is said
        if (frequency == null) {
            throw ApiException.badRequest("Choose a frequency: daily or weekly");
        }
        alerts.update(id, new AlertCommand(a.name(), a.concepts(), a.types(), a.territories(), frequency, a.active(),
                a.search()));
        redirect.addFlashAttribute("flash", "alerts.saved");
        return "redirect:/compte/alertes";
    }

    @PostMapping("/compte/alertes/{id}/pause")
    String pause(@PathVariable String id, RedirectAttributes redirect) {
        Alert a = alerts.get(id);
        alerts.update(id, new AlertCommand(a.name(), a.concepts(), a.types(), a.territories(), a.frequency(),
                !a.active(), a.search()));
        redirect.addFlashAttribute("flash", a.active() ? "alerts.paused" : "alerts.resumed");
        return "redirect:/compte/alertes";
    }

    @PostMapping("/compte/alertes/{id}/supprimer")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        alerts.delete(id);
        redirect.addFlashAttribute("flash", "alerts.deleted");
        return "redirect:/compte/alertes";
    }
}
