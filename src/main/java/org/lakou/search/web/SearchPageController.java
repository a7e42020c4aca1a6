package org.lakou.search.web;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Hidden;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.search.SearchApi;
import org.lakou.search.SearchHit;
import org.lakou.search.SearchQuery;
import org.lakou.search.SearchResult;
import org.lakou.thesaurus.ThesaurusApi;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public results page, {@code /recherche}, on the same {@link SearchApi} as {@code /api/search}.
 * Parameters are French words, because readers see and share these addresses: {@code q},
 * {@code type}, {@code annee}, {@code langue}, {@code source}, {@code sujet} (repeatable concept
 * URIs), {@code territoire} (a place's concept URI), {@code tri} ({@code pertinence} or {@code date}), {@code elargir} ({@code non} turns the
 * thesaurus expansion off, {@code plus} adds narrower concepts) and {@code page} (from 1).
 */
@Hidden
@Controller
class SearchPageController {

    static final int PAGE_SIZE = 20;

    private final SearchApi search;
    private final CatalogueApi catalogue;
    private final ThesaurusApi thesaurus;

    SearchPageController(SearchApi search, CatalogueApi catalogue, ThesaurusApi thesaurus) {
        this.search = search;
        this.catalogue = catalogue;
        this.thesaurus = thesaurus;
    }

    /** A hit with what the list shows beside the index's fields: year, language and subject labels. */
    public record HitView(SearchHit hit, Integer year, String language, List<Ref> subjects) {
    }

    public record Ref(String uri, String label) {
    }

    @GetMapping(SearchLinks.PATH)
    String results(@RequestParam MultiValueMap<String, String> params, Model model) {
        String lang = LocaleContextHolder.getLocale().getLanguage();
        int page = Math.max(1, intOr(params.getFirst("page"), 1));
        Integer year = params.getFirst("annee") == null ? null : intOr(params.getFirst("annee"), null);
        List<String> subjects = params.getOrDefault("sujet", List.of());
        SearchQuery query = new SearchQuery(params.getFirst("q"), params.getFirst("type"), year, year,
                params.getFirst("langue"), null, null, params.getFirst("source"),
                "date".equals(params.getFirst("tri")) ? SearchQuery.Sort.DATE : SearchQuery.Sort.RELEVANCE,
                Math.min(page - 1, SearchQuery.MAX_OFFSET / PAGE_SIZE - 1), PAGE_SIZE, false, subjects, lang,
                expand(params.getFirst("elargir")), params.getFirst("territoire"), null);
        // the reader's own access decides whose files' text is searched and quoted, as on /api/search
        SearchResult result = search.search(query, org.lakou.shared.Viewer.current());
        long pages = Math.min((result.total() + PAGE_SIZE - 1) / PAGE_SIZE, SearchQuery.MAX_OFFSET / PAGE_SIZE);
        model.addAttribute("query", query);
        model.addAttribute("result", result);
        model.addAttribute("hits", views(result.hits(), lang));
        model.addAttribute("links", new SearchLinks(params));
        model.addAttribute("pageNumber", query.page() + 1);
        model.addAttribute("pages", pages);
        model.addAttribute("pageRange", SearchLinks.around(query.page() + 1, pages));
        model.addAttribute("subjectFilters", refs(subjects, lang));
        model.addAttribute("languageNames", languageNames(result));
        model.addAttribute("territoryNames", refs(result.facet("territory").stream().map(f -> f.value()).toList(),
                lang).stream().collect(Collectors.toMap(Ref::uri, Ref::label, (a, b) -> a)));
        String territory = params.getFirst("territoire");
        model.addAttribute("territoryFilter", territory == null ? null : refs(List.of(territory), lang).get(0));
        return "search/results";
    }

    /** The first records under a concept, for the concept page (loaded there by htmx). */
    @GetMapping(SearchLinks.PATH + "/apercu")
    String preview(@RequestParam("sujet") String subject, Model model) {
        String lang = LocaleContextHolder.getLocale().getLanguage();
        SearchResult result = search.search(new SearchQuery(null, null, null, null, null, null, null, null,
                SearchQuery.Sort.DATE, 0, 5, false, List.of(subject), lang, SearchQuery.Expand.NONE));
        model.addAttribute("result", result);
        model.addAttribute("subject", subject);
        return "search/preview :: preview";
    }

    private static SearchQuery.Expand expand(String value) {
        if ("non".equals(value)) {
            return SearchQuery.Expand.NONE;
        }
        return "plus".equals(value) ? SearchQuery.Expand.NARROWER : SearchQuery.Expand.LABELS;
    }

    private List<HitView> views(List<SearchHit> hits, String lang) {
        // one key read per hit: findAll's $in is a scan of the whole collection on the embedded store
        Map<String, Record> records = hits.stream().map(h -> catalogue.find(h.id())).flatMap(Optional::stream)
                .collect(Collectors.toMap(Record::id, Function.identity(), (a, b) -> a));
        return hits.stream().map(h -> {
            Record r = records.get(h.id());
            return r == null ? new HitView(h, null, null, List.of())
                    : new HitView(h, r.year(), r.language(), refs(r.subjects(), lang));
        }).toList();
    }

    private List<Ref> refs(Collection<String> uris, String lang) {
        return uris.stream().map(u -> new Ref(u, thesaurus.concept(u).map(c -> c.label(lang)).orElse(u))).toList();
    }

    private static Map<String, String> languageNames(SearchResult result) {
        Locale shown = LocaleContextHolder.getLocale();
        return result.facet("language").stream().collect(Collectors.toMap(f -> f.value(), f -> {
            String name = Locale.forLanguageTag(f.value()).getDisplayLanguage(shown);
            return name.isBlank() ? f.value() : name;
        }, (a, b) -> a));
    }

    private static Integer intOr(String value, Integer fallback) {
        try {
            return value == null ? fallback : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
