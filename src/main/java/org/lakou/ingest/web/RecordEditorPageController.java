package org.lakou.ingest.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.catalogue.RecordNotFoundException;
import org.lakou.catalogue.RecordStatus;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review screen of a draft ({@code /gestion/brouillons/{id}}) and the editor of any record
 * ({@code /gestion/notices/{id}}): one form on {@link CatalogueApi#update}. The form carries the
 * version it was loaded at, the pages' If-Match: a save over someone else's change is refused and
 * the page shows both, the colleague's saved record and the documentalist's own typing, so
 * neither is lost.
 */
@Hidden
@Controller
class RecordEditorPageController {

    private final CatalogueApi catalogue;
    private final EditorModel editor;
    private final Validator validator;

    RecordEditorPageController(CatalogueApi catalogue, EditorModel editor, Validator validator) {
        this.catalogue = catalogue;
        this.editor = editor;
        this.validator = validator;
    }

    @GetMapping("/gestion/brouillons/{id}")
    String review(@PathVariable String id, Model model) {
        Record r = live(id);
        if (r.status() != RecordStatus.DRAFT) {
            return "redirect:/gestion/notices/" + id;
        }
        editor.fill(model, r, RecordForm.of(r));
        return "ingest/record";
    }

    @GetMapping("/gestion/notices/{id}")
    String edit(@PathVariable String id, Model model) {
        Record r = live(id);
        editor.fill(model, r, RecordForm.of(r));
        return "ingest/record";
    }

    @PostMapping("/gestion/notices/{id}")
    String save(@PathVariable String id, @ModelAttribute RecordForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Record saved = save(id, form, model, response);
        if (saved == null) {
            return "ingest/record";
        }
        redirect.addFlashAttribute("flash", "cat.saved");
        return "redirect:" + address(saved);
    }

    /** "Publier" submits the form: what is on screen is saved first, at the version it was loaded at. */
    @PostMapping("/gestion/notices/{id}/publier")
    String publish(@PathVariable String id, @ModelAttribute RecordForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Record saved = save(id, form, model, response);
        if (saved == null) {
            return "ingest/record";
        }
        catalogue.publish(id);
        redirect.addFlashAttribute("flash", "cat.published");
        return "redirect:/gestion/notices/" + id;
    }

    /** Withdrawing and deleting first show a page asking to confirm; only its form's POST acts. */
    @GetMapping({"/gestion/notices/{id}/retirer", "/gestion/notices/{id}/supprimer"})
    String confirm(@PathVariable String id, Model model, jakarta.servlet.http.HttpServletRequest request) {
        model.addAttribute("record", live(id));
        boolean withdraw = request.getRequestURI().endsWith("/retirer");
        model.addAttribute("action", withdraw ? "withdraw" : "delete");
        model.addAttribute("target", "/gestion/notices/" + id + (withdraw ? "/retirer" : "/supprimer"));
        return "ingest/confirm";
    }

    @PostMapping("/gestion/notices/{id}/retirer")
    String withdraw(@PathVariable String id, RedirectAttributes redirect) {
        live(id);
        catalogue.withdraw(id);
        redirect.addFlashAttribute("flash", "cat.withdrawn");
        return "redirect:/gestion/notices/" + id;
    }

    @PostMapping("/gestion/notices/{id}/supprimer")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        live(id);
        catalogue.delete(id);
        redirect.addFlashAttribute("flash", "cat.deleted");
        return "redirect:/gestion/brouillons";
    }

    /** Null when the page must be shown again: invalid fields (400) or a concurrent change (409). */
    private Record save(String id, RecordForm form, Model model, HttpServletResponse response) {
        Record current = live(id);
        RecordFields fields = form.fields();
        Map<String, String> errors = errors(fields);
        if (!errors.isEmpty() || form.version() == null) {
            response.setStatus(400);
            editor.fill(model, current, form.version() == null ? form.atVersion(current.version()) : form);
            model.addAttribute("errors", errors);
            return null;
        }
        try {
            return catalogue.update(id, form.version(), fields);
        } catch (OptimisticLockingFailureException e) {
            Record theirs = live(id);
            response.setStatus(409);
            // the form now carries the saved version: saving again is a deliberate overwrite, seen first
            editor.fill(model, theirs, form.atVersion(theirs.version()));
            model.addAttribute("conflict", theirs);
            model.addAttribute("staleVersion", form.version());
            return null;
        }
    }

    private Map<String, String> errors(RecordFields fields) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<RecordFields> v : validator.validate(fields)) {
            String path = v.getPropertyPath().toString().replaceAll("\\[.*", "");
            errors.merge(path, v.getMessage(), (a, b) -> a);
        }
        return errors;
    }

    private Record live(String id) {
        Record r = catalogue.get(id);
        if (r.deleted()) {
            throw new RecordNotFoundException(id);
        }
        return r;
    }

    static String address(Record r) {
        return (r.status() == RecordStatus.DRAFT ? "/gestion/brouillons/" : "/gestion/notices/") + r.id();
    }
}
