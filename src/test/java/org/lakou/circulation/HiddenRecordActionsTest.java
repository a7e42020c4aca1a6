package org.lakou.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.TestHttp.Response;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Copy;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.catalogue.TextStatus;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A record a member cannot read (a draft, a withdrawn or a staff-only record) does not exist for
 * any action either: a hold, a hold from a request's answer and a file download all answer 404, as
 * GET does. Staff, who read them, may still act on them.
 */
class HiddenRecordActionsTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;

    private final String run = Long.toString(System.nanoTime(), 36);
    private int seq;

    private Record record(AccessLevel level, boolean publish) {
        String n = run + "-" + (++seq);
        FileRef file = new FileRef("sha256-hidden-" + n, "note.pdf", "application/pdf", 10, 1, 4, false,
                TextStatus.EXTRACTED);
        Record r = catalogue.createFromFile(new RecordFields("Note " + n, null, List.of(), null, "2020", "rapport",
                "fr", null, List.of(), List.of(), null, level), file, "note");
        if (publish) {
            catalogue.publish(r.id());
        }
        catalogue.addCopy(r.id(), new Copy("H" + n, "362 VIL", "Salle", null));
        return catalogue.get(r.id());
    }

    private static void assertHidden(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aMemberCannotHoldADraftOrAStaffOnlyRecord() {
        TestHttp member = member();
        for (Record hidden : List.of(record(AccessLevel.PUBLIC, false), record(AccessLevel.STAFF, true))) {
            assertHidden(member.get("/api/records/" + hidden.id()));
            assertHidden(member.post("/api/holds", Map.of("recordId", hidden.id())));
            String file = "/api/records/" + hidden.id() + "/files/" + hidden.files().get(0).id();
            assertHidden(member.get(file));
            assertThat(circulationHolds(hidden)).as("no hold was placed").isEmpty();
        }
        Record visible = record(AccessLevel.PUBLIC, true);
        assertThat(member.post("/api/holds", Map.of("recordId", visible.id())).status()).isEqualTo(201);
    }

    @Test
    void staffStillHoldAHiddenRecordForAMember() {
        Record draft = record(AccessLevel.STAFF, false);
        Response placed = documentalist().post("/api/holds",
                Map.of("recordId", draft.id(), "memberId", memberId(MEMBER)));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    }

    @Test
    void aHoldFromARequestAnswerFollowsTheSameRule() {
        TestHttp member = member();
        TestHttp desk = documentalist();
        Record draft = record(AccessLevel.PUBLIC, false);
        Record staffOnly = record(AccessLevel.STAFF, true);
        Response submitted = member.post("/api/requests", Map.of("subject", "Notes internes " + run,
                "description", "Tout sur les notes", "expected", List.of("references")));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        desk.post("/api/requests/" + id + "/accept", Map.of());
        Response answered = desk.post("/api/requests/" + id + "/answer",
                Map.of("text", "Deux notes", "recordIds", List.of(draft.id(), staffOnly.id())));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);

        assertHidden(member.post("/api/requests/" + id + "/holds", Map.of("recordId", draft.id())));
        assertHidden(member.post("/api/requests/" + id + "/holds", Map.of("recordId", staffOnly.id())));
        assertThat(circulationHolds(draft)).isEmpty();
        assertThat(circulationHolds(staffOnly)).isEmpty();
    }

    @Autowired
    CirculationApi circulation;

    private List<Hold> circulationHolds(Record r) {
        return circulation.holdQueue(r.id());
    }
}
