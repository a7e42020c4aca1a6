package org.lakou.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.TestHttp.Response;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.members.MemberCategory;
import org.lakou.members.NewMember;
import org.lakou.search.SearchApi;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A member saves a search (query and filters) and its digest, beside the concept alerts' and
 * claimed the same way, lists the new records the search finds for a member: published since the
 * last digest, not drafts, not staff-only, not records published earlier.
 */
class SavedSearchDigestTest extends IntegrationTestBase {

    @Autowired
    AlertJobs jobs;
    @Autowired
    CatalogueApi catalogue;
    @Autowired
    SearchApi search;

    private final String run = Long.toString(System.nanoTime(), 36);
    private final String coll = "saved-" + UUID.randomUUID();

    private String newMember(String name) {
        String email = name + "-" + run + "@veille.test";
        memberApi.create(new NewMember(email, "Veilleur " + name, "Ville du Robert", MemberCategory.ASSOCIATION, null,
                PASSWORD));
        return email;
    }

    private TestHttp as(String email) {
        return anonymous().as(email, PASSWORD);
    }

    private Record record(String title, AccessLevel level, boolean publish) {
        Record r = catalogue.create(new RecordFields(title, null, List.of("Collectif des jardiniers"), null, "2024",
                "rapport", "fr", "Un compte rendu " + run + ".", List.of(), List.of(), coll, level));
        return publish ? catalogue.publish(r.id()) : r;
    }

    private List<String> mailsTo(String email) throws Exception {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : MAIL.getReceivedMessagesForDomain(email)) {
            out.add(m.getSubject() + "\n" + m.getContent());
        }
        return out;
    }

    @Test
    void aSavedSearchSendsItsNewMatchesInTheDigest() throws Exception {
        String email = newMember("recherche");
        Record before = record("Jardins partagés : premier bilan", AccessLevel.PUBLIC, true);
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();
        Response created = as(email).post("/api/alerts", Map.of("name", "Jardins " + run,
                "search", Map.of("q", "jardins partagés", "collection", coll), "frequency", "daily"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("search").get("q").asString()).isEqualTo("jardins partagés");
        assertThat(created.json().get("concepts")).isEmpty();

        Record match = record("Les jardins partagés du quartier Nord", AccessLevel.PUBLIC, true);
        Record forMembers = record("Jardins partagés : guide des adhérents", AccessLevel.MEMBERS, true);
        Record other = record("La rénovation des écoles", AccessLevel.PUBLIC, true);
        Record draft = record("Jardins partagés, brouillon", AccessLevel.PUBLIC, false);
        Record staffOnly = record("Jardins partagés, note interne", AccessLevel.STAFF, true);
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();

        clock.advance(Duration.ofDays(1));
        jobs.runDigests();
        List<String> mails = mailsTo(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0)).startsWith("Veille « Jardins " + run + " » : 2 nouveaux documents")
                .contains("pour votre recherche enregistrée", match.title(), forMembers.title(),
                        "/records/" + match.id())
                .doesNotContain(before.title(), other.title(), draft.title(), staffOnly.title());

        jobs.runDigests();
        assertThat(mailsTo(email)).as("claimed once per period").hasSize(1);

        Record later = record("Jardins partagés et climat", AccessLevel.PUBLIC, true);
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();
        clock.advance(Duration.ofDays(1));
        jobs.runDigests();
        List<String> next = mailsTo(email);
        assertThat(next).hasSize(2);
        assertThat(next.get(1)).contains(later.title()).doesNotContain(match.title());
    }

    @Test
    void anAlertFollowsConceptsOrASearchAndTheSearchMustBeValid() {
        String email = newMember("invalide");
        Response both = as(email).post("/api/alerts", Map.of("name", "Les deux",
                "concepts", List.of(AlertDigestTest.LKT + "sante"), "search", Map.of("q", "santé"),
                "frequency", "daily"));
        assertThat(both.status()).as(both.body()).isEqualTo(400);
        Response neither = as(email).post("/api/alerts", Map.of("name", "Aucun", "frequency", "daily"));
        assertThat(neither.status()).as(neither.body()).isEqualTo(400);
        Response years = as(email).post("/api/alerts", Map.of("name", "Années",
                "search", Map.of("q", "santé", "yearFrom", 2020, "yearTo", 2010), "frequency", "daily"));
        assertThat(years.status()).as(years.body()).isEqualTo(400);
        assertThat(years.body()).contains("yearFrom");
        Response unknown = as(email).post("/api/alerts", Map.of("name", "Sujet",
                "search", Map.of("subjects", List.of("https://example.org/pas-un-concept")), "frequency", "daily"));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
    }
}
