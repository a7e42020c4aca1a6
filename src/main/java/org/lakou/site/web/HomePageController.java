package org.lakou.site.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;

import org.lakou.search.SearchApi;
import org.lakou.search.SearchQuery;
import org.lakou.search.SearchResult;
import org.lakou.search.SubjectFacetNode;
import org.lakou.site.internal.SiteProperties;
import org.lakou.site.internal.SiteView;
import org.lakou.thesaurus.ThesaurusApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: a search box, the latest documents, and an entry by theme (the top concepts of
 * the thematic scheme with how many records sit under each). One search answers both lists: its
 * subject facet already counts every top concept.
 */
@Hidden
@Controller
class HomePageController {

    private final SearchApi search;
    private final ThesaurusApi thesaurus;
    private final SiteProperties props;
    private final SiteView site;

    HomePageController(SearchApi search, ThesaurusApi thesaurus, SiteProperties props, SiteView site) {
        this.search = search;
        this.thesaurus = thesaurus;
        this.props = props;
        this.site = site;
    }

    record Theme(String uri, String label, long count) {
    }

    @GetMapping("/")
    String home(Model model) {
        String lang = site.lang();
        SearchResult latest = search.search(new SearchQuery(null, null, null, null, null, null, null, null,
                SearchQuery.Sort.NEWEST, 0, props.latest(), false, List.of(), lang, SearchQuery.Expand.NONE));
        Map<String, Long> counts = new HashMap<>();
        latest.subjectFacet().forEach(n -> count(n, counts));
        List<Theme> themes = thesaurus.topConcepts(props.themeScheme()).stream()
                .map(c -> new Theme(c.uri(), c.label(lang), counts.getOrDefault(c.uri(), 0L))).toList();
        model.addAttribute("latest", latest);
        model.addAttribute("themes", themes);
        return "site/home";
    }

    private static void count(SubjectFacetNode n, Map<String, Long> counts) {
        counts.put(n.uri(), n.count());
        n.children().forEach(c -> count(c, counts));
    }
}
