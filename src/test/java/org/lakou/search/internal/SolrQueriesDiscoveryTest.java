package org.lakou.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.apache.solr.client.solrj.SolrQuery;
import org.junit.jupiter.api.Test;
import org.lakou.search.SearchQuery;
import org.lakou.shared.Viewer;

/** The Solr parameters of MoreLikeThis, the spell-check request and publishedAfter, per reader. */
class SolrQueriesDiscoveryTest {

    private static final Viewer MEMBER = new Viewer("m", Viewer.Level.MEMBER);
    private static final Viewer STAFF = new Viewer("d", Viewer.Level.DOCUMENTALIST);

    @Test
    void moreLikeThisReadsOnlyTheTextFieldsTheReaderMayRead() {
        SolrQuery anon = SolrQueries.similar("rec1", Viewer.ANONYMOUS, 10);
        assertThat(anon.getQuery()).contains("qf=text_public,subjects ").doesNotContain("text_members", "rec1");
        assertThat(anon.get("mlt.id")).isEqualTo("rec1");
        assertThat(anon.get("defType")).isEqualTo("lucene");
        assertThat(anon.getFilterQueries()).contains("deleted:false", "status:published", "-accessLevel:staff");

        assertThat(SolrQueries.similar("rec1", MEMBER, 10).getQuery())
                .contains("qf=text_public,text_members,subjects ").doesNotContain("text_staff");
        SolrQuery staff = SolrQueries.similar("rec1", STAFF, 10);
        assertThat(staff.getQuery()).contains("text_staff");
        assertThat(staff.getFilterQueries()).contains("status:published").doesNotContain("-accessLevel:staff");
    }

    @Test
    void theSpellCheckRequestKeepsTheReadersFiltersAndChecksTheirOwnWords() {
        SearchQuery q = SearchQuery.of("médiatoin sociale").withCollection("c1");
        SolrQuery search = SolrQueries.build(q, "(médiatoin OR x) sociale", true, Viewer.ANONYMOUS);
        assertThat(search.get("spellcheck")).as("ordinary searches do not pay for it").isNull();

        SolrQuery spell = SolrQueries.spellcheck(search, q.q());
        assertThat(spell.get("spellcheck.q")).isEqualTo("médiatoin sociale");
        assertThat(spell.getRows()).isZero();
        assertThat(spell.get("spellcheck.collateExtendedResults")).isEqualTo("true");
        assertThat(Integer.parseInt(spell.get("spellcheck.maxCollationTries"))).isPositive();
        assertThat(spell.getFilterQueries()).containsExactlyInAnyOrder(search.getFilterQueries());
        assertThat(spell.get("qf")).isEqualTo(search.get("qf")).doesNotContain("text_members");
        assertThat(search.getRows()).as("the search itself is untouched").isEqualTo(SearchQuery.DEFAULT_SIZE);
    }

    @Test
    void publishedAfterFiltersOnTheFirstPublicationDate() {
        SearchQuery q = SearchQuery.of(null).withPublishedAfter(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(List.of(SolrQueries.build(q, null, false, Viewer.ANONYMOUS).getFilterQueries()))
                .contains("published:[2026-03-01T00:00:00Z TO *]");
        assertThat(SearchQuery.parseInstant("2026-03-01", "p")).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(SearchQuery.parseInstant("2026-03-01T08:00:00+02:00", "p"))
                .isEqualTo(Instant.parse("2026-03-01T06:00:00Z"));
    }
}
