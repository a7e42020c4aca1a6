package org.lakou.ingest.web;

import java.text.Collator;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.swagger.v3.oas.annotations.Hidden;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordStatus;
import org.lakou.ingest.IngestApi;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The drafts waiting for review ({@code /gestion/brouillons}), sortable by date or title and
 * filterable by document type and by who uploaded them. Drafts are a working set, not the
 * catalogue: the page reads at most {@link #MAX} of them (newest first) and sorts in memory.
 */
@Hidden
@Controller
class DraftsPageController {

    static final int MAX = 500;
    /** Rows per page: rendering hundreds of rows cost more than reading them (bench/pages). */
    static final int PAGE = 50;

    private final CatalogueApi catalogue;
    private final IngestApi ingest;
    private final EditorModel editor;

    DraftsPageController(CatalogueApi catalogue, IngestApi ingest, EditorModel editor) {
        this.catalogue = catalogue;
        this.ingest = ingest;
        this.editor = editor;
    }

    @GetMapping("/gestion/brouillons")
    String list(@RequestParam(name = "tri", defaultValue = "date") String sort,
            @RequestParam(name = "type", defaultValue = "") String type,
            @RequestParam(name = "deposant", defaultValue = "") String uploader,
            @RequestParam(name = "page", defaultValue = "1") int page, Model model) {
        List<Record> drafts = catalogue.list(RecordStatus.DRAFT, 0, MAX);
        Map<String, String> uploaders = ingest.uploaders(drafts.stream().map(Record::id).toList());
        List<Record> shown = drafts.stream()
                .filter(r -> type.isBlank() || type.equals(r.type()))
                .filter(r -> uploader.isBlank() || uploader.equals(uploaders.get(r.id())))
                .sorted(order(sort)).toList();
        int pages = Math.max(1, (shown.size() + PAGE - 1) / PAGE);
        int current = Math.min(Math.max(page, 1), pages);
        model.addAttribute("drafts", shown.subList((current - 1) * PAGE, Math.min(shown.size(), current * PAGE)));
        model.addAttribute("matching", shown.size());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("total", drafts.size());
        model.addAttribute("more", drafts.size() == MAX); // a second scan to count them would cost as much again
        model.addAttribute("uploaders", uploaders);
        model.addAttribute("names", editor.names(new HashSet<>(uploaders.values())));
        model.addAttribute("types", drafts.stream().map(Record::type).filter(Objects::nonNull).distinct().sorted()
                .toList());
        model.addAttribute("sort", "titre".equals(sort) ? "titre" : "date");
        model.addAttribute("type", type);
        model.addAttribute("uploader", uploader);
        return "ingest/drafts";
    }

    private static Comparator<Record> order(String sort) {
        if ("titre".equals(sort)) {
            Collator collator = Collator.getInstance(LocaleContextHolder.getLocale());
            collator.setStrength(Collator.PRIMARY);
            return Comparator.comparing((Record r) -> r.title() == null ? "" : r.title(), collator);
        }
        return Comparator.comparing(Record::created, Comparator.nullsLast(Comparator.reverseOrder()));
    }
}
