package org.lakou.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.catalogue.TextStatus;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The full text of a file is matched and highlighted only for those who may read the file:
 * anonymous readers get public files' text, members also {@code members} files', staff all of it.
 * A record's metadata stays searchable by everyone who may see the record.
 */
class FullTextAccessTest extends IntegrationTestBase {

    private static final String PUBLIC_PHRASE = "zeugmatique";
    private static final String MEMBERS_PHRASE = "quokkarium";
    private static final String STAFF_PHRASE = "axolotlerie";

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    SearchApi search;

    private String coll;
    private Record open;
    private Record members;
    private Record staff;

    @BeforeEach
    void records() {
        coll = Fixtures.uniqueCollection();
        // every text also carries the title word "bilan", so a title match could drag a snippet along
        open = withText(Fixtures.titled(coll, "Bilan des quartiers"), "Bilan ouvert : le mot " + PUBLIC_PHRASE + ".");
        members = withText(Fixtures.withAccess(Fixtures.titled(coll, "Bilan des adhérents"), AccessLevel.MEMBERS),
                "Bilan réservé : le secret " + MEMBERS_PHRASE + " des adhérents.");
        staff = withText(Fixtures.withAccess(Fixtures.titled(coll, "Bilan interne"), AccessLevel.STAFF),
                "Bilan interne : la note " + STAFF_PHRASE + " du personnel.");
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();
    }

    private Record withText(RecordFields fields, String text) {
        FileRef file = new FileRef("sha256-" + fields.title().hashCode() + "-" + coll, "bilan.pdf",
                "application/pdf", 1000, 1, text.length(), false, TextStatus.EXTRACTED);
        Record r = catalogue.createFromFile(fields, file, text);
        return catalogue.publish(r.id());
    }

    private JsonNode find(TestHttp who, String q) {
        TestHttp.Response r = who.get("/api/search?collection=" + coll + "&q=" + q);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> ids(JsonNode body) {
        return body.get("hits").valueStream().map(h -> h.get("id").asString()).toList();
    }

    @Test
    void anonymousReadersMatchAndSeeOnlyPublicText() {
        assertThat(ids(find(anonymous(), MEMBERS_PHRASE))).isEmpty();
        assertThat(ids(find(anonymous(), STAFF_PHRASE))).isEmpty();
        for (String trick : List.of("text_members:" + MEMBERS_PHRASE, "fulltext:" + MEMBERS_PHRASE,
                "{!lucene df=text_members}" + MEMBERS_PHRASE, "_query_:\"{!lucene df=text_members}" + MEMBERS_PHRASE
                        + "\"", "{!edismax qf=text_members}" + MEMBERS_PHRASE)) {
            JsonNode fielded = find(anonymous(), URLEncoder.encode(trick, StandardCharsets.UTF_8));
            assertThat(ids(fielded)).as("no field name or local parameter opens members text: " + trick).isEmpty();
        }

        JsonNode byPublicText = find(anonymous(), PUBLIC_PHRASE);
        assertThat(ids(byPublicText)).containsExactly(open.id());
        assertThat(byPublicText.toString()).contains("<em>" + PUBLIC_PHRASE + "</em>");

        // metadata stays public: the title finds both records anyone may see, and no snippet of a members file
        JsonNode byTitle = find(anonymous(), "bilan");
        assertThat(ids(byTitle)).containsExactlyInAnyOrder(open.id(), members.id());
        assertThat(byTitle.toString()).doesNotContain(MEMBERS_PHRASE).doesNotContain(STAFF_PHRASE);
    }

    @Test
    void membersMatchMembersTextButNotStaffText() {
        JsonNode body = find(member(), MEMBERS_PHRASE);
        assertThat(ids(body)).containsExactly(members.id());
        assertThat(ids(find(member(), "fulltext:" + MEMBERS_PHRASE))).as("the alias of readable text")
                .containsExactly(members.id());
        assertThat(body.toString()).contains("<em>" + MEMBERS_PHRASE + "</em>");
        assertThat(ids(find(member(), STAFF_PHRASE))).isEmpty();
        assertThat(find(member(), "bilan").toString()).doesNotContain(STAFF_PHRASE);
    }

    @Test
    void staffMatchEveryText() {
        JsonNode body = find(documentalist(), STAFF_PHRASE);
        assertThat(ids(body)).containsExactly(staff.id());
        assertThat(body.toString()).contains("<em>" + STAFF_PHRASE + "</em>");
        assertThat(ids(find(documentalist(), MEMBERS_PHRASE))).containsExactly(members.id());
        assertThat(ids(find(admin(), "bilan"))).containsExactlyInAnyOrder(open.id(), members.id(), staff.id());
    }
}
