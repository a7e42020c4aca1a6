package org.lakou.circulation.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.lakou.catalogue.DocumentTypes;
import org.lakou.circulation.CirculationApi;
import org.lakou.circulation.Policy;
import org.lakou.members.MemberCategory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The loan policy table as one grid ({@code /gestion/admin/politique}, ADMIN): a row per document
 * type, a column per member category, {@code *} for any. A cell holds a row of the table or is
 * empty (the rule falls through to a wider cell, then the configured default). The whole form is
 * checked before anything is written, so a refused grid changes nothing and shows each faulty cell.
 */
@Hidden
@Controller
class PolicyPageController {

    static final String PATH = "/gestion/admin/politique";

    private final CirculationApi circulation;
    private final Validator validator;

    PolicyPageController(CirculationApi circulation, Validator validator) {
        this.circulation = circulation;
        this.validator = validator;
    }

    @GetMapping(PATH)
    String grid(Model model) {
        Map<String, PolicyGrid.Cell> cells = new LinkedHashMap<>();
        stored().forEach(p -> cells.put(p.key(), PolicyGrid.Cell.of(p)));
        return page(model, cells, Map.of());
    }

    @PostMapping(PATH)
    String save(@RequestParam Map<String, String> form, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Map<String, PolicyGrid.Cell> cells = PolicyGrid.read(form, categories(), types());
        Map<String, String> errors = new LinkedHashMap<>();
        List<Policy> rows = new ArrayList<>();
        cells.forEach((key, cell) -> {
            String error = cell.problem();
            Policy p = error == null ? cell.toPolicy() : null;
            if (p != null && !validator.validate(p).isEmpty()) {
                error = "admin.policy.error.range";
            }
            if (error != null) {
                errors.put(key, error);
            } else if (p != null) {
                rows.add(p);
            }
        });
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return page(model, cells, errors);
        }
        apply(rows, cells.keySet());
        redirect.addFlashAttribute("flash", "admin.policy.saved");
        return "redirect:" + PATH;
    }

    /**
     * Writes the changed rows and removes those emptied, one API call each. A stored row the grid
     * has no cell for (a document type since dropped) is left alone rather than lost.
     */
    private void apply(List<Policy> rows, java.util.Set<String> inGrid) {
        Map<String, Policy> before = new LinkedHashMap<>();
        stored().stream().filter(p -> inGrid.contains(p.key())).forEach(p -> before.put(p.key(), p));
        for (Policy p : rows) {
            if (!p.equals(before.remove(p.key()))) {
                circulation.putPolicy(p);
            }
        }
        before.values().forEach(p -> circulation.deletePolicy(p.category(), p.documentType()));
    }

    /** The stored rows: the table without its last row, the configured default. */
    private List<Policy> stored() {
        List<Policy> all = circulation.policies();
        return all.subList(0, all.size() - 1);
    }

    private String page(Model model, Map<String, PolicyGrid.Cell> cells, Map<String, String> errors) {
        List<Policy> all = circulation.policies();
        model.addAttribute("fallback", all.get(all.size() - 1));
        model.addAttribute("categories", categories());
        model.addAttribute("types", types());
        model.addAttribute("cells", cells);
        model.addAttribute("errors", errors);
        return "circulation/admin-policy";
    }

    private static List<String> categories() {
        List<String> c = new ArrayList<>();
        for (MemberCategory m : MemberCategory.values()) {
            c.add(m.code());
        }
        c.add(Policy.ANY);
        return c;
    }

    private static List<String> types() {
        List<String> t = new ArrayList<>(DocumentTypes.KNOWN);
        t.add(Policy.ANY);
        return t;
    }
}
