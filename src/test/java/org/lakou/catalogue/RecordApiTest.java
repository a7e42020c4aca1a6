package org.lakou.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.TestHttp.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

class RecordApiTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    CopyLookup desk;

    @Autowired
    MongoTemplate mongo;

    TestHttp http;

    @BeforeEach
    void client() {
        http = documentalist();
    }

    static Map<String, Object> fields(String title) {
        return Map.of("title", title, "creators", List.of("Centre de ressources Ville caraïbe"),
                "date", "2010", "type", "rapport", "language", "fr",
                "abstract", "Rapport d'activité annuel", "collection", "Rapports", "accessLevel", "public");
    }

    @Test
    void createGetUpdateWithEtags() {
        Response created = http.post("/api/records", fields("Rapport d'activité 2010"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).endsWith("/api/records/" + id);
        assertThat(created.json().get("status").asString()).isEqualTo("draft");
        assertThat(created.json().get("abstract").asString()).isEqualTo("Rapport d'activité annuel");

        Response got = http.get("/api/records/" + id);
        String etag = got.header("ETag");
        assertThat(etag).isEqualTo("\"" + got.json().get("version").asLong() + "\"");

        Response updated = http.put("/api/records/" + id, fields("Rapport d'activité 2010 (révisé)"),
                Map.of("If-Match", etag));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("title").asString()).isEqualTo("Rapport d'activité 2010 (révisé)");
        assertThat(updated.header("ETag")).isNotEqualTo(etag);

        Response stale = http.put("/api/records/" + id, fields("Lost update"), Map.of("If-Match", etag));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/records/" + id).json().get("title").asString()).contains("révisé");

        Response missing = http.put("/api/records/" + id, fields("No precondition"), Map.of());
        assertThat(missing.status()).isEqualTo(428);
    }

    @Test
    void validationErrorsAreProblemDetails() {
        Response r = http.post("/api/records", Map.of("title", " ", "date", "2010-13-45x", "type", "poème",
                "language", "French"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<String> fieldsInError = r.json().get("errors").valueStream().map(e -> e.get("field").asString())
                .toList();
        assertThat(fieldsInError).contains("title", "date", "type", "language");

        Response malformed = http.post("/api/records", "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    @Test
    void lifecycleEndsInATombstone() {
        String id = http.post("/api/records", fields("Guide de la médiation")).json().get("id").asString();
        assertThat(http.post("/api/records/" + id + "/publish", null).json().get("status").asString())
                .isEqualTo("published");
        assertThat(http.post("/api/records/" + id + "/withdraw", null).json().get("status").asString())
                .isEqualTo("withdrawn");

        assertThat(http.delete("/api/records/" + id).status()).isEqualTo(204);
        Response gone = http.get("/api/records/" + id);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        // the tombstone stays in Mongo, queued for the index, so harvesters can learn of the deletion
        var doc = mongo.findById(id, org.bson.Document.class, "records");
        assertThat(doc).isNotNull();
        assertThat(doc.getBoolean("deleted")).isTrue();
        assertThat(http.get("/api/records/does-not-exist").status()).isEqualTo(404);
    }

    @Test
    void barcodesAreUniqueAcrossRecords() {
        String a = http.post("/api/records", fields("Exemplaire A")).json().get("id").asString();
        String b = http.post("/api/records", fields("Exemplaire B")).json().get("id").asString();
        String barcode = "VC" + System.nanoTime();
        Map<String, Object> copy = Map.of("barcode", barcode, "shelfMark", "362.5 VIL", "location", "Salle 1");

        Response added = http.post("/api/records/" + a + "/copies", copy);
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("copies").get(0).get("status").asString()).isEqualTo("available");
        assertThat(http.post("/api/records/" + b + "/copies", copy).status()).isEqualTo(409);

        Response lost = http.put("/api/records/" + a + "/copies/" + barcode,
                Map.of("barcode", barcode, "shelfMark", "362.5 VIL", "location", "Salle 1", "status", "lost"),
                Map.of());
        assertThat(lost.json().get("copies").get(0).get("status").asString()).isEqualTo("lost");
        Response byHand = http.put("/api/records/" + a + "/copies/" + barcode,
                Map.of("barcode", barcode, "shelfMark", "362.5 VIL", "location", "Salle 1", "status", "on-loan"),
                Map.of());
        assertThat(byHand.status()).as("on loan comes from a checkout, not from an edit").isEqualTo(400);
        assertThat(byHand.body()).contains("circulation");

        assertThat(catalogue.findByBarcode(barcode)).map(Record::id).contains(a); // the desk's lookup, remembered
        assertThat(desk.byBarcode(barcode)).hasValueSatisfying(s -> {
            assertThat(s.recordId()).isEqualTo(a);
            assertThat(s.recordType()).isEqualTo("rapport");
            assertThat(s.copy().status()).isEqualTo(CopyStatus.LOST);
        });
        assertThat(http.delete("/api/records/" + a + "/copies/" + barcode).status()).isEqualTo(200);
        assertThat(catalogue.findByBarcode(barcode)).isEmpty();
        assertThat(desk.byBarcode(barcode)).isEmpty();
        assertThat(http.post("/api/records/" + b + "/copies", copy).status()).isEqualTo(201);
        assertThat(catalogue.findByBarcode(barcode)).as("the copy moved").map(Record::id).contains(b);
        assertThat(desk.byBarcode(barcode)).map(CopyLookup.ShelvedCopy::recordId).contains(b);
    }

    @Test
    void thePublicSeesOnlyPublishedNonStaffRecords() {
        String id = http.post("/api/records", fields("Brouillon interne")).json().get("id").asString();
        assertThat(anonymous().get("/api/records/" + id).status()).as("a draft does not exist for the public")
                .isEqualTo(404);
        assertThat(member().get("/api/records/" + id).status()).isEqualTo(404);
        assertThat(http.get("/api/records/" + id).status()).isEqualTo(200);

        http.post("/api/records/" + id + "/publish", null);
        Response published = anonymous().get("/api/records/" + id);
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("title").asString()).isEqualTo("Brouillon interne");
        assertThat(anonymous().post("/api/records", fields("Anonyme")).status()).isEqualTo(401);
        assertThat(member().post("/api/records", fields("Adhérent")).status()).isEqualTo(403);
    }

    @Test
    void healthIsUpWithARealMongoCheck() {
        Response health = documentalist().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("mongo-ping").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void openApiDocumentListsTheRecordsApi() {
        Response docs = anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/records/{id}")).isTrue();
        assertThat(anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/loans")).isTrue();
        assertThat(docs.json().get("paths").has("/api/requests/{id}")).isTrue();
    }
}
