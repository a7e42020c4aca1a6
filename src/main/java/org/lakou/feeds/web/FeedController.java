package org.lakou.feeds.web;


import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.lakou.feeds.internal.FeedService;
import org.lakou.search.SearchParameters;
import org.lakou.search.SearchQuery;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Feeds", description = "Atom feeds (RFC 4287) of public records")
@RestController
class FeedController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final FeedService feeds;

    FeedController(FeedService feeds) {
        this.feeds = feeds;
    }

    @Operation(summary = "The latest records first published here (public records only)")
    @GetMapping("/feeds/nouveautes.atom")
    ResponseEntity<String> latest(HttpServletRequest request) {
        return atom(feeds.latest(self(request)));
    }

    @Operation(summary = "Any search as an Atom feed (public records only)",
            description = "Takes the parameters of /api/search (q, type, yearFrom, yearTo, language, creator, "
                    + "collection, source, subject, lang, expand, territory, publishedAfter, sort); page and size do not apply.")
    @GetMapping("/feeds/search.atom")
    ResponseEntity<String> search(HttpServletRequest request, @ParameterObject SearchParameters params) {
        return atom(feeds.search(self(request), params.toQuery(0, SearchQuery.DEFAULT_SIZE)));
    }

    @Operation(summary = "Records on a thesaurus concept or a narrower one, newest first (public records only)",
            description = "conceptId is the last segment of the concept's URI.")
    @GetMapping("/feeds/concepts/{conceptId}.atom")
    ResponseEntity<String> concept(HttpServletRequest request, @PathVariable String conceptId) {
        return atom(feeds.concept(self(request), conceptId));
    }

    /** The feed's own address, query included, relative to the public base (which holds the context path). */
    private static String self(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }

    private static ResponseEntity<String> atom(Feed feed) {
        try {
            return ResponseEntity.ok().contentType(ATOM).body(new WireFeedOutput().outputString(feed));
        } catch (FeedException e) {
            throw new IllegalStateException("Atom feed could not be written", e);
        }
    }
}
