package org.lakou.thesaurus.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Hidden;

import org.lakou.thesaurus.ThesaurusApi;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff desk's concept autocomplete: the thesaurus's own suggest call, rendered as buttons that
 * submit the form around them with the concept's URI (the record editor's "add a subject" form),
 * so the fragment knows nothing of records. Deprecated concepts are never offered.
 */
@Hidden
@Controller
class ConceptPickerController {

    private static final int LIMIT = 8;

    private final ThesaurusApi thesaurus;

    ConceptPickerController(ThesaurusApi thesaurus) {
        this.thesaurus = thesaurus;
    }

    @GetMapping("/gestion/concepts")
    String pick(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("choices", q.isBlank() ? List.of()
                : thesaurus.suggest(q.strip(), LocaleContextHolder.getLocale().getLanguage(), LIMIT).stream()
                        .filter(s -> !s.deprecated()).toList());
        return "thesaurus/picker :: choices";
    }
}
