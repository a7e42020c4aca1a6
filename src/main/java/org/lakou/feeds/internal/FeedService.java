package org.lakou.feeds.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;

import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.search.SearchApi;
import org.lakou.search.SearchHit;
import org.lakou.search.SearchQuery;
import org.lakou.shared.ApiException;
import org.lakou.shared.PublicUrl;
import org.lakou.shared.Viewer;
import org.lakou.thesaurus.Concept;
import org.lakou.thesaurus.ThesaurusApi;
import org.springframework.stereotype.Service;

/**
 * Builds the Atom documents. Records are found by searching as an anonymous reader and then kept
 * only when their files are public too: a feed is copied into readers and aggregators, so it
 * announces what anyone may open, never members-only documents.
 */
@Service
public class FeedService {

    /** Hits asked for: enough to fill a feed when some records are left out for their access level. */
    private static final int FETCH = SearchQuery.MAX_SIZE;

    private final SearchApi search;
    private final CatalogueApi catalogue;
    private final ThesaurusApi thesaurus;
    private final PublicUrl publicUrl;
    private final FeedsProperties props;

    FeedService(SearchApi search, CatalogueApi catalogue, ThesaurusApi thesaurus, PublicUrl publicUrl,
            FeedsProperties props) {
        this.search = search;
        this.catalogue = catalogue;
        this.thesaurus = thesaurus;
        this.publicUrl = publicUrl;
        this.props = props;
    }

    /** The latest records first published here. */
    public Feed latest(String selfPath) {
        SearchQuery q = new SearchQuery(null, null, null, null, null, null, null, null, SearchQuery.Sort.NEWEST, 0,
                FETCH, false, List.of(), null, SearchQuery.Expand.NONE);
        return feed(selfPath, "Nouveautés", q);
    }

    /** Any search; relevance order unless the query asks otherwise. */
    public Feed search(String selfPath, SearchQuery query) {
        String title = query.q() == null ? "Recherche" : "Recherche « " + query.q() + " »";
        return feed(selfPath, title, query.withPage(0, FETCH));
    }

    /**
     * Records on the concept or a narrower one, newest first. {@code conceptId} is the last segment of
     * the concept's URI (what {@code /thesaurus/concepts/{id}} uses for minted concepts).
     *
     * @throws ApiException 404 for an unknown concept, 400 when the id names several
     */
    public Feed concept(String selfPath, String conceptId) {
        Concept c = resolve(conceptId);
        SearchQuery q = new SearchQuery(null, null, null, null, null, null, null, null, SearchQuery.Sort.NEWEST, 0,
                FETCH, false, List.of(c.uri()), null, SearchQuery.Expand.NONE);
        Feed feed = feed(selfPath, c.label("fr"), q);
        feed.setCategories(List.of(category(c)));
        return feed;
    }

    private Concept resolve(String conceptId) {
        List<Concept> found = thesaurus.allConcepts().stream()
                .filter(c -> c.uri().endsWith("/" + conceptId) || c.uri().endsWith("#" + conceptId)).toList();
        if (found.isEmpty()) {
            throw ApiException.notFound("Concept", conceptId);
        }
        if (found.size() > 1) {
            throw ApiException.badRequest("Several concepts end with " + conceptId + ": "
                    + found.stream().map(Concept::uri).sorted().collect(Collectors.joining(", ")));
        }
        return found.get(0);
    }

    private Feed feed(String selfPath, String title, SearchQuery query) {
        List<Record> records = publicRecords(search.search(query, Viewer.ANONYMOUS).hits());
        Feed feed = new Feed("atom_1.0");
        String self = publicUrl.resolve(selfPath);
        feed.setId(self);
        feed.setTitle(props.title() + " : " + title);
        feed.setAuthors(List.<SyndPerson>of(person(props.title())));
        feed.setOtherLinks(List.of(link("self", self, "application/atom+xml")));
        feed.setAlternateLinks(List.of(link("alternate", publicUrl.resolve("/"), "text/html")));
        feed.setUpdated(Date.from(records.stream().map(Record::modified).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(Instant.EPOCH)));
        feed.setEntries(new ArrayList<>(records.stream().map(this::entry).toList()));
        return feed;
    }

    /** In the search's order; only published records with public files, at most the configured number. */
    private List<Record> publicRecords(List<SearchHit> hits) {
        Map<String, Record> byId = catalogue.findAll(hits.stream().map(SearchHit::id).toList()).stream()
                .collect(Collectors.toMap(Record::id, Function.identity()));
        return hits.stream().map(h -> byId.get(h.id())).filter(Objects::nonNull)
                .filter(r -> r.isPublic() && r.accessLevel() == AccessLevel.PUBLIC && r.visibleTo(Viewer.ANONYMOUS))
                .limit(props.entries()).toList();
    }

    private Entry entry(Record r) {
        Entry e = new Entry();
        String page = publicUrl.record(r.id());
        e.setId(page);
        e.setTitle(r.title());
        e.setAlternateLinks(List.of(link("alternate", page, "text/html")));
        // an entry needs an author; the feed's (the centre) stands in when the record names none
        e.setAuthors(r.creators().stream().<SyndPerson>map(FeedService::person).toList());
        if (r.modified() != null) {
            e.setUpdated(Date.from(r.modified()));
        }
        Content summary = new Content();
        summary.setType("text");
        summary.setValue(summaryOf(r));
        e.setSummary(summary);
        e.setCategories(r.subjects().stream().map(uri -> thesaurus.concept(uri).map(FeedService::category)
                .orElseGet(() -> category(uri, null, null))).toList());
        return e;
    }

    /** The abstract, else what a result list shows: type, date, publisher. */
    private static String summaryOf(Record r) {
        if (r.summary() != null && !r.summary().isBlank()) {
            return r.summary();
        }
        return java.util.stream.Stream.of(r.type(), r.date(), r.publisher()).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(", "));
    }

    private static Category category(Concept c) {
        return category(c.uri(), c.schemeUri(), c.label("fr"));
    }

    /** term: the concept's URI; scheme: its concept scheme's URI; label: its French label. */
    private static Category category(String term, String scheme, String label) {
        Category cat = new Category();
        cat.setTerm(term);
        cat.setScheme(scheme);
        cat.setLabel(label);
        return cat;
    }

    private static Person person(String name) {
        Person p = new Person();
        p.setName(name);
        return p;
    }

    private static Link link(String rel, String href, String type) {
        Link l = new Link();
        l.setRel(rel);
        l.setHref(href);
        l.setType(type);
        return l;
    }
}
