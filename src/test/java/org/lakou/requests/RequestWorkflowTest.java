package org.lakou.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.TestHttp.Response;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.circulation.Fixtures;
import org.lakou.members.MemberCategory;
import org.lakou.members.NewMember;
import org.springframework.beans.factory.annotation.Autowired;

/** A request from submission to closing, over HTTP, with the member's e-mails and the access rules. */
class RequestWorkflowTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;

    private TestHttp newMember(String email) {
        memberApi.create(new NewMember(email, "Chargée de mission", "Ville du Lamentin", MemberCategory.COLLECTIVITE,
                null, PASSWORD));
        return anonymous().as(email, PASSWORD);
    }

    private static Response multipart(TestHttp http, String path, String name, byte[] content) {
        String boundary = "lakou" + System.nanoTime();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: text/plain\r\n\r\n";
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[h.length + content.length + tail.length];
        System.arraycopy(h, 0, body, 0, h.length);
        System.arraycopy(content, 0, body, h.length, content.length);
        System.arraycopy(tail, 0, body, h.length + content.length, tail.length);
        return http.send(HttpRequest.newBuilder(http.uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), Map.of());
    }

    @Test
    void fromSubmissionToClosing() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String email = "demandeuse-" + run + "@lamentin.test";
        TestHttp requester = newMember(email);
        TestHttp stranger = newMember("autre-" + run + "@lamentin.test");
        TestHttp desk = documentalist();
        Record guide = new Fixtures(catalogue, memberApi).record("guide méthodologique", 1);

        Response submitted = requester.post("/api/requests", Map.of("subject", "Mesures issues des CIV",
                "description", "Les décrets des mesures issues des comités interministériels des villes",
                "concepts", List.of("https://lakou.org/thesaurus/politique-de-la-ville"),
                "expected", List.of("references", "loan"), "desiredDate", "2011-02-15"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        assertThat(submitted.json().get("status").asString()).isEqualTo("new");

        Response foreign = stranger.get("/api/requests/" + id);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(stranger.get("/api/requests").json().size()).as("a member lists only their own").isZero();
        assertThat(requester.post("/api/requests/" + id + "/accept", Map.of()).status()).isEqualTo(403);
        assertThat(anonymous().get("/api/requests/" + id).status()).isEqualTo(401);

        Response early = desk.post("/api/requests/" + id + "/answer", Map.of("text", "trop tôt"));
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().get("reason").asString()).isEqualTo("invalid-transition");

        assertThat(desk.post("/api/requests/" + id + "/accept", Map.of("note", "pour le 15")).json().get("status")
                .asString()).isEqualTo("accepted");
        MAIL.waitForIncomingEmail(10_000, 1);
        assertThat(MAIL.getReceivedMessagesForDomain(email)).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).contains("acceptée"));

        String docId = memberId(DOCUMENTALIST);
        assertThat(desk.put("/api/requests/" + id + "/assignee", Map.of("memberId", docId), Map.of()).json()
                .get("assignee").asString()).isEqualTo(docId);
        assertThat(desk.post("/api/requests/" + id + "/start", null).json().get("status").asString())
                .isEqualTo("in-progress");
        desk.post("/api/requests/" + id + "/actions", Map.of("note", "Recherche Légifrance", "minutes", 45));
        Response file = multipart(desk, "/api/requests/" + id + "/files", "decrets.txt",
                "Décret n° 2009-1234".getBytes(StandardCharsets.UTF_8));
        assertThat(file.status()).as(file.body()).isEqualTo(201);
        String fileId = file.json().get("id").asString();

        Response answered = desk.post("/api/requests/" + id + "/answer", Map.of("text", "Voici les décrets.",
                "recordIds", List.of(guide.id()), "fileIds", List.of(fileId), "minutes", 30));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().get("status").asString()).isEqualTo("answered");
        MAIL.waitForIncomingEmail(10_000, 2);
        assertThat(MAIL.getReceivedMessagesForDomain(email)).hasSize(2);

        Response mine = requester.get("/api/requests/" + id);
        assertThat(mine.json().get("answer").get("recordIds").get(0).asString()).isEqualTo(guide.id());
        int minutes = mine.json().get("actions").valueStream().mapToInt(a -> a.get("minutes").asInt()).sum();
        assertThat(minutes).isEqualTo(75);
        assertThat(requester.get("/api/requests/" + id + "/files/" + fileId).body()).contains("Décret");
        assertThat(stranger.get("/api/requests/" + id + "/files/" + fileId).status()).isEqualTo(403);

        // a hold straight from the answer (the copy is on the shelf, so it is ready at once), then the loan
        Response hold = requester.post("/api/requests/" + id + "/holds", Map.of("recordId", guide.id()));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        assertThat(hold.json().get("requestId").asString()).isEqualTo(id);
        Response loan = desk.post("/api/requests/" + id + "/loans", Map.of("barcode", guide.copies().get(0).barcode()));
        assertThat(loan.status()).as(loan.body()).isEqualTo(201);
        assertThat(loan.json().get("memberId").asString()).isEqualTo(memberId(email));
        assertThat(stranger.post("/api/requests/" + id + "/close", null).status()).isEqualTo(403);
        assertThat(requester.post("/api/requests/" + id + "/close", null).json().get("status").asString())
                .isEqualTo("closed");
        assertThat(desk.get("/api/requests?status=closed").json().valueStream()
                .anyMatch(r -> r.get("id").asString().equals(id))).isTrue();
        assertThat(MAIL.getReceivedMessagesForDomain(email)).as("acceptance, answer and hold ready; nothing twice")
                .hasSizeLessThanOrEqualTo(3);
    }
}
