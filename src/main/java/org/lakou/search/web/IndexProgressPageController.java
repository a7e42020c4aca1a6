package org.lakou.search.web;

import io.swagger.v3.oas.annotations.Hidden;

import org.lakou.search.IndexStatus;
import org.lakou.search.SearchApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The index's progress as an htmx fragment that polls itself while records wait in the outbox: the
 * staff desk shows it after a thesaurus version is applied (the thesaurus cannot read the index
 * status itself, since search depends on it). {@code max} is the largest queue seen so far, so a
 * progress bar can fill as the queue drains.
 */
@Hidden
@Controller
class IndexProgressPageController {

    private final SearchApi search;

    IndexProgressPageController(SearchApi search) {
        this.search = search;
    }

    @GetMapping("/gestion/admin/thesaurus/indexation")
    String progress(@RequestParam(defaultValue = "0") long max, Model model) {
        IndexStatus status = search.indexStatus();
        long pending = status.queueSize();
        long top = Math.max(Math.max(max, pending), 1);
        model.addAttribute("status", status);
        model.addAttribute("pending", pending);
        model.addAttribute("max", top);
        model.addAttribute("done", top - pending);
        return "search/index-progress :: progress";
    }
}
