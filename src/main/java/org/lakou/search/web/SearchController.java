package org.lakou.search.web;


import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lakou.search.SearchApi;
import org.lakou.search.SearchParameters;
import org.lakou.search.SearchResult;
import org.lakou.shared.Viewer;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Search", description = "Full-text search over published records, with facets and highlighting")
@RestController
class SearchController {

    private final SearchApi search;

    SearchController(SearchApi search) {
        this.search = search;
    }

    @Operation(summary = "Search published records",
            description = "French-aware full-text search (stemming, elision, accents) over title, subtitle, "
                    + "abstract, creators and the text of the files the caller may read (public files; members also "
                    + "members-only files; staff all files and staff-only records). Facets count the whole result; the filters narrow it. "
                    + "type, creator, collection, source (the holding centre) and territory (a place's concept URI) take exact facet values; language an ISO 639 code; "
                    + "sort is relevance, date or title; size is 1 to 100. subject (repeatable) takes concept URIs "
                    + "and includes their narrower concepts; facets.subjects is the subject tree with counts, "
                    + "labelled in lang (default fr). A query word or phrase naming a concept also searches the "
                    + "concept's other labels (expand=labels, the default), and its narrower concepts' labels "
                    + "with expand=narrower; expand=none turns this off. expansions lists what was added. "
                    + "publishedAfter (a date or an ISO date-time) keeps records first published here since then. "
                    + "When the query finds few or no hits, spellcheck gives a corrected query and its hit count.")
    @GetMapping("/api/search")
    SearchResult search(@ParameterObject SearchParameters params) {
        return search.search(params.toQuery(), Viewer.current());
    }
}
