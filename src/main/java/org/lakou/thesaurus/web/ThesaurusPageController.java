package org.lakou.thesaurus.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Hidden;

import org.lakou.shared.ApiException;
import org.lakou.thesaurus.Concept;
import org.lakou.thesaurus.SchemeInfo;
import org.lakou.thesaurus.ThesaurusApi;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The thesaurus browser: the schemes, a tree of concepts whose branches htmx opens one at a time,
 * and the concept page. Its records are listed by the search module's preview fragment, loaded
 * into the page, with a link to the full search (the thesaurus does not depend on search).
 */
@Hidden
@Controller
class ThesaurusPageController {

    static final int SUGGESTIONS = 8;

    private final ThesaurusApi thesaurus;
    private final String browseScheme;

    ThesaurusPageController(ThesaurusApi thesaurus, org.lakou.thesaurus.internal.ThesaurusProperties props) {
        this.browseScheme = props.browseScheme();
        this.thesaurus = thesaurus;
    }

    /** A concept as a tree node or a link. */
    public record Node(String uri, String label, boolean hasNarrower) {
    }

    @GetMapping("/thesaurus")
    String browse(@RequestParam(name = "schema", required = false) String schemeId, Model model) {
        List<SchemeInfo> schemes = thesaurus.schemes().stream().filter(s -> s.currentVersion() != null
                || s.conceptCount() > 0).toList();
        // by default the network's thematic scheme (lakou.thesaurus.browse-scheme), else the largest
        // vocabulary: not the document types or places, nor a big imported one such as UNESCO's
        SchemeInfo current = schemeId != null
                ? thesaurus.scheme(schemeId).orElseThrow(() -> ApiException.notFound("Scheme", schemeId))
                : schemes.stream().filter(s -> s.uri().equals(browseScheme)).findFirst()
                        .orElseGet(() -> schemes.stream().filter(s -> !s.local())
                                .max(Comparator.comparingInt(SchemeInfo::conceptCount)).orElse(null));
        String lang = lang();
        model.addAttribute("schemes", schemes);
        model.addAttribute("schemeTitles", schemes.stream().collect(java.util.stream.Collectors.toMap(SchemeInfo::id,
                s -> title(s, lang), (a, b) -> a)));
        model.addAttribute("current", current);
        model.addAttribute("top", current == null ? List.of() : nodes(thesaurus.topConcepts(current.id()), lang));
        return "thesaurus/browse";
    }

    /** One branch of the tree: the narrower concepts of {@code uri}, for htmx. */
    @GetMapping("/thesaurus/branche")
    String branch(@RequestParam String uri, Model model) {
        Concept c = thesaurus.concept(uri).orElseThrow(() -> ApiException.notFound("Concept", uri));
        model.addAttribute("nodes", nodes(c.narrower().stream().map(thesaurus::concept).flatMap(Optional::stream)
                .toList(), lang()));
        return "thesaurus/tree :: branch";
    }

    @GetMapping("/thesaurus/concept")
    String concept(@RequestParam String uri, Model model) {
        Concept c = thesaurus.concept(uri).orElseThrow(() -> ApiException.notFound("Concept", uri));
        String lang = lang();
        model.addAttribute("concept", c);
        model.addAttribute("label", c.label(lang));
        model.addAttribute("path", thesaurus.ancestors(uri).stream().map(a -> node(a, lang)).toList());
        model.addAttribute("broader", refs(c.broader(), lang));
        model.addAttribute("narrower", refs(c.narrower(), lang));
        model.addAttribute("related", refs(c.related(), lang));
        model.addAttribute("prefLabels", new TreeMap<>(c.prefLabels()));
        model.addAttribute("altLabels", new TreeMap<>(c.altLabels()));
        SchemeInfo scheme = thesaurus.scheme(c.schemeUri()).orElse(null);
        model.addAttribute("scheme", scheme);
        model.addAttribute("schemeTitle", scheme == null ? null : title(scheme, lang));
        model.addAttribute("replacedBy", c.replacedBy() == null ? null : refs(List.of(c.replacedBy()), lang));
        return "thesaurus/concept";
    }

    /** Autocomplete under a search box: concepts whose labels start with what was typed, for htmx. */
    @GetMapping("/thesaurus/suggestions")
    String suggestions(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("suggestions", q.isBlank() ? List.of()
                : thesaurus.suggest(q.trim(), lang(), SUGGESTIONS).stream().filter(s -> !s.deprecated()).toList());
        return "thesaurus/tree :: suggestions";
    }

    private List<Node> refs(List<String> uris, String lang) {
        return nodes(uris.stream().map(thesaurus::concept).flatMap(Optional::stream).toList(), lang);
    }

    private static List<Node> nodes(List<Concept> concepts, String lang) {
        return concepts.stream().map(c -> node(c, lang)).sorted(Comparator.comparing(Node::label,
                java.text.Collator.getInstance(java.util.Locale.FRENCH))).toList();
    }

    private static Node node(Concept c, String lang) {
        return new Node(c.uri(), c.label(lang), !c.narrower().isEmpty());
    }

    static String title(SchemeInfo s, String lang) {
        String t = s.titles().get(lang);
        return t != null ? t : s.titles().getOrDefault("fr", s.id());
    }

    private static String lang() {
        return LocaleContextHolder.getLocale().getLanguage();
    }
}
