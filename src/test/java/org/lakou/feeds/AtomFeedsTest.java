package org.lakou.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.WireFeedInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.search.SearchApi;
import org.lakou.shared.PublicUrl;
import org.lakou.thesaurus.ThesaurusApi;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Atom feeds, parsed back with ROME: entries carry title, authors, summary, subjects as
 * categories (concept URI as term, scheme URI, label) and the record's public link; drafts,
 * members-only and staff-only records never appear.
 */
class AtomFeedsTest extends IntegrationTestBase {

    static final String LKT = "https://w3id.org/lakou/thesaurus/thematique/";

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    SearchApi search;
    @Autowired
    ThesaurusApi thesaurus;
    @Autowired
    PublicUrl publicUrl;

    private String coll;
    private Record open;
    private Record members;
    private Record staff;
    private Record draft;

    @BeforeEach
    void records() {
        coll = "feeds-" + UUID.randomUUID();
        open = record("Pairs médiateurs au collège", AccessLevel.PUBLIC, true, "La médiation par les pairs.");
        members = record("Pairs médiateurs, guide réservé", AccessLevel.MEMBERS, true, null);
        staff = record("Pairs médiateurs, note interne", AccessLevel.STAFF, true, null);
        draft = record("Pairs médiateurs, brouillon", AccessLevel.PUBLIC, false, null);
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();
    }

    private Record record(String title, AccessLevel level, boolean publish, String summary) {
        Record r = catalogue.create(new RecordFields(title, null, List.of("Martin, Léa", "Ville du Robert"), null,
                "2023", "rapport", "fr", summary, List.of(LKT + "mediation-par-les-pairs"), List.of(), coll, level));
        return publish ? catalogue.publish(r.id()) : r;
    }

    private Feed feed(String path) throws Exception {
        TestHttp.Response r = anonymous().get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        return (Feed) new WireFeedInput().build(new StringReader(r.body()));
    }

    private static List<String> titles(Feed f) {
        return f.getEntries().stream().map(Entry::getTitle).toList();
    }

    @Test
    void aSearchFeedListsOnlyPublicRecordsWithTheirMetadata() throws Exception {
        Feed f = feed("/feeds/search.atom?collection=" + coll + "&q=pairs");
        assertThat(f.getFeedType()).isEqualTo("atom_1.0");
        assertThat(titles(f)).containsExactly(open.title());
        Entry e = f.getEntries().get(0);
        assertThat(e.getAuthors()).extracting(p -> ((Person) p).getName()).containsExactly("Martin, Léa",
                "Ville du Robert");
        assertThat(e.getSummary().getValue()).isEqualTo("La médiation par les pairs.");
        assertThat(e.getAlternateLinks()).extracting(Link::getHref).containsExactly(publicUrl.record(open.id()));
        assertThat(e.getId()).isEqualTo(publicUrl.record(open.id()));
        assertThat(e.getUpdated()).isNotNull();
        String scheme = thesaurus.concept(LKT + "mediation-par-les-pairs").orElseThrow().schemeUri();
        assertThat(e.getCategories()).hasSize(1);
        Category c = e.getCategories().get(0);
        assertThat(c.getTerm()).isEqualTo(LKT + "mediation-par-les-pairs");
        assertThat(c.getScheme()).isNotBlank().isEqualTo(scheme);
        assertThat(c.getLabel()).isNotBlank();
        assertThat(f.getOtherLinks()).extracting(Link::getRel).contains("self");
    }

    @Test
    void aConceptFeedFindsRecordsOnNarrowerConcepts() throws Exception {
        // mediation-par-les-pairs is narrower than mediation-scolaire
        Feed f = feed("/feeds/concepts/mediation-scolaire.atom");
        assertThat(titles(f)).contains(open.title()).doesNotContain(members.title(), staff.title(), draft.title());
        assertThat(f.getCategories()).extracting(Category::getTerm).containsExactly(LKT + "mediation-scolaire");

        TestHttp.Response missing = anonymous().get("/feeds/concepts/pas-un-concept.atom");
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void theNewsFeedStartsWithTheLatestPublications() throws Exception {
        Record latest = record("Dernière parution " + coll, AccessLevel.PUBLIC, true, null);
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();
        Feed f = feed("/feeds/nouveautes.atom");
        assertThat(titles(f)).first().isEqualTo(latest.title());
        assertThat(titles(f)).contains(open.title()).doesNotContain(members.title(), staff.title(), draft.title());
    }
}
