package org.lakou.catalogue.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Copy;
import org.lakou.catalogue.CopyStatus;
import org.lakou.catalogue.Record;
import org.lakou.shared.ApiException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The copies of a record at the staff desk ({@code /gestion/exemplaires/{recordId}}): list with
 * their live status, add, edit. The same {@link CatalogueApi} calls and the same rules as
 * {@code /api/records/{id}/copies}: a barcode is unique across the catalogue, and "on loan" or
 * "on hold" are set by circulation, never typed. A refused form comes back with its error and
 * the status (400 or 409) saying why.
 */
@Hidden
@Controller
class CopyPageController {

    /** What a documentalist may set by hand; the live statuses come from circulation. */
    static final Set<CopyStatus> SETTABLE = EnumSet.complementOf(EnumSet.copyOf(ShownCopies.LIVE));

    private final CatalogueApi catalogue;
    private final ShownCopies shown;
    private final Validator validator;

    CopyPageController(CatalogueApi catalogue, ShownCopies shown, Validator validator) {
        this.catalogue = catalogue;
        this.shown = shown;
        this.validator = validator;
    }

    @GetMapping("/gestion/exemplaires/{recordId}")
    String copies(@PathVariable String recordId, Model model) {
        return page(live(recordId), model);
    }

    @PostMapping("/gestion/exemplaires/{recordId}")
    String add(@PathVariable String recordId, @RequestParam(defaultValue = "") String barcode,
            @RequestParam(name = "cote", defaultValue = "") String shelfMark,
            @RequestParam(name = "localisation", defaultValue = "") String location,
            @RequestParam(name = "statut", defaultValue = "available") String status, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Record record = live(recordId);
        Copy copy = new Copy(barcode.trim(), blankToNull(shelfMark), blankToNull(location), status(status));
        try {
            check(copy);
            catalogue.addCopy(recordId, copy);
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            model.addAttribute("addError", e.getMessage());
            model.addAttribute("draft", copy);
            return page(record, model);
        }
        redirect.addFlashAttribute("copySaved", copy.barcode());
        return "redirect:/gestion/exemplaires/" + recordId;
    }

    @PostMapping("/gestion/exemplaires/{recordId}/{barcode}")
    String edit(@PathVariable String recordId, @PathVariable String barcode,
            @RequestParam(name = "cote", defaultValue = "") String shelfMark,
            @RequestParam(name = "localisation", defaultValue = "") String location,
            @RequestParam(name = "statut", defaultValue = "available") String status, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Record record = live(recordId);
        Copy copy = new Copy(barcode, blankToNull(shelfMark), blankToNull(location), status(status));
        try {
            check(copy);
            catalogue.updateCopy(recordId, copy);
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            model.addAttribute("editError", e.getMessage());
            model.addAttribute("editBarcode", barcode);
            return page(record, model);
        }
        redirect.addFlashAttribute("copySaved", barcode);
        return "redirect:/gestion/exemplaires/" + recordId;
    }

    private String page(Record record, Model model) {
        model.addAttribute("record", record);
        model.addAttribute("shown", shown.show(record).copies());
        model.addAttribute("statuses", List.copyOf(SETTABLE));
        return "catalogue/copies";
    }

    private Record live(String recordId) {
        Record r = catalogue.get(recordId);
        if (r.deleted()) {
            throw ApiException.notFound("Record", recordId);
        }
        return r;
    }

    private void check(Copy copy) {
        Set<ConstraintViolation<Copy>> errors = validator.validate(copy);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        if (!SETTABLE.contains(copy.status())) {
            throw ApiException.badRequest("A copy is " + copy.status().code()
                    + " only through circulation (checkout, hold)");
        }
    }

    private static CopyStatus status(String code) {
        try {
            return CopyStatus.of(code);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("Unknown copy status: " + code);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
