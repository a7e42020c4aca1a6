package org.lakou.oai.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.lakou.oai.harvest.HarvestRun;
import org.lakou.oai.harvest.HarvestSource;
import org.lakou.oai.harvest.HarvestSourceRequest;
import org.lakou.oai.harvest.HarvestSources;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Harvest sources for administrators ({@code /gestion/admin/moissonnage}): the list with the add
 * form, a source's page with its edit form, "run now" and the runs log. A run from the page goes
 * on in the background (a partner can take minutes); the log refreshes itself through htmx while
 * a run is going on.
 */
@Hidden
@Controller
class HarvestPageController {

    static final String BASE = "/gestion/admin/moissonnage";

    private final HarvestSources sources;
    private final Validator validator;

    HarvestPageController(HarvestSources sources, Validator validator) {
        this.sources = sources;
        this.validator = validator;
    }

    /** The form as typed; the check box arrives only when ticked. */
    record SourceForm(String name, String baseUrl, String metadataPrefix, String set, String schedule,
            Boolean enabled) {

        static SourceForm of(HarvestSource s) {
            return new SourceForm(s.name(), s.baseUrl(), s.metadataPrefix(), s.set(), s.schedule(), s.enabled());
        }

        static SourceForm blank() {
            return new SourceForm("", "", "oai_dc", "", "", true);
        }

        HarvestSourceRequest request() {
            String spec = strip(set);
            return new HarvestSourceRequest(strip(name), strip(baseUrl), strip(metadataPrefix),
                    spec.isEmpty() ? null : spec, strip(schedule), enabled != null && enabled);
        }

        private static String strip(String s) {
            return s == null ? "" : s.strip();
        }
    }

    @GetMapping(BASE)
    String list(Model model) {
        return listPage(model, SourceForm.blank(), Map.of());
    }

    @PostMapping(BASE)
    String create(SourceForm form, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        HarvestSourceRequest r = form.request();
        Map<String, String> errors = errors(r);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return listPage(model, form, errors);
        }
        HarvestSource created = sources.create(r);
        redirect.addFlashAttribute("flash", "admin.harvest.created");
        return "redirect:" + BASE + "/" + created.id();
    }

    @GetMapping(BASE + "/{id}")
    String source(@PathVariable String id, Model model) {
        HarvestSource s = sources.get(id);
        return sourcePage(model, s, SourceForm.of(s), Map.of());
    }

    @PostMapping(BASE + "/{id}")
    String update(@PathVariable String id, SourceForm form, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        HarvestSource existing = sources.get(id);
        HarvestSourceRequest r = form.request();
        Map<String, String> errors = errors(r);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return sourcePage(model, existing, form, errors);
        }
        sources.update(id, r);
        redirect.addFlashAttribute("flash", "admin.harvest.saved");
        return "redirect:" + BASE + "/" + id;
    }

    @PostMapping(BASE + "/{id}/lancer")
    String run(@PathVariable String id, RedirectAttributes redirect) {
        boolean started = sources.start(id);
        redirect.addFlashAttribute("flash", started ? "admin.harvest.started" : "admin.harvest.alreadyRunning");
        redirect.addFlashAttribute("watch", true);
        return "redirect:" + BASE + "/" + id + "#journal";
    }

    /** The runs log alone, for htmx to swap in while a run is going on. */
    @GetMapping(BASE + "/{id}/journal")
    String runs(@PathVariable String id, @RequestParam(defaultValue = "0") int polls,
            @RequestParam(defaultValue = "false") boolean watch, Model model) {
        model.addAttribute("source", sources.get(id));
        runsModel(model, id, polls, watch);
        return "oai/admin-harvest-source :: runs";
    }

    private String listPage(Model model, SourceForm form, Map<String, String> errors) {
        List<HarvestSource> all = sources.list();
        Map<String, HarvestRun> last = new LinkedHashMap<>();
        for (HarvestSource s : all) {
            sources.runs(s.id()).stream().findFirst().ifPresent(r -> last.put(s.id(), r));
        }
        model.addAttribute("sources", all);
        model.addAttribute("lastRuns", last);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "oai/admin-harvest";
    }

    private String sourcePage(Model model, HarvestSource s, SourceForm form, Map<String, String> errors) {
        model.addAttribute("source", s);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        runsModel(model, s.id(), 0, model.containsAttribute("watch"));
        return "oai/admin-harvest-source";
    }

    /**
     * Polling goes on while a run is RUNNING, and for a while after "run now" until its first
     * entry appears (the worker may not have written it yet); it stops after ten minutes.
     */
    private void runsModel(Model model, String id, int polls, boolean watch) {
        List<HarvestRun> runs = sources.runs(id);
        boolean running = runs.stream().anyMatch(r -> r.status() == HarvestRun.Status.RUNNING);
        model.addAttribute("runs", runs);
        model.addAttribute("polls", polls + 1);
        model.addAttribute("watch", watch && polls < 5);
        model.addAttribute("poll", polls < 300 && (running || watch && polls < 5));
    }

    private Map<String, String> errors(HarvestSourceRequest r) {
        Map<String, String> errors = new LinkedHashMap<>();
        validator.validate(r).forEach(v -> {
            String field = v.getPropertyPath().toString();
            errors.putIfAbsent("scheduleValid".equals(field) ? "schedule" : field, "admin.harvest.error."
                    + ("scheduleValid".equals(field) ? "schedule" : field));
        });
        return errors;
    }
}
