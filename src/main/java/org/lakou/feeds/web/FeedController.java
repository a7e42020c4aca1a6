package org.lakou.feeds.web;

import java.util.List;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.lakou.feeds.internal.FeedService;
import org.lakou.search.SearchQuery;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
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
                    + "collection, source, subject, lang, expand, publishedAfter, sort); page and size do not apply.")
    @GetMapping("/feeds/search.atom")
    ResponseEntity<String> search(HttpServletRequest request,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) Integer yearFrom,
            @RequestParam(required = false) Integer yearTo,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String creator,
            @RequestParam(required = false) String collection,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String sort,
            @RequestParam(name = "subject", required = false) List<String> subjects,
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) String expand,
            @RequestParam(required = false) String territory,
            @RequestParam(required = false) String publishedAfter) {
        SearchQuery query = new SearchQuery(q, type, yearFrom, yearTo, language, creator, collection, source,
                SearchQuery.Sort.parse(sort), 0, SearchQuery.DEFAULT_SIZE, false, subjects, lang,
                SearchQuery.Expand.parse(expand), territory, SearchQuery.parseInstant(publishedAfter, "publishedAfter"));
        return atom(feeds.search(self(request), query));
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
