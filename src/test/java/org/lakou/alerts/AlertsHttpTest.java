package org.lakou.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.TestHttp.Response;
import org.lakou.members.MemberCategory;
import org.lakou.members.NewMember;

/** The alerts API over HTTP: a member's own alerts only, staff reading, anonymous refused, validation. */
class AlertsHttpTest extends IntegrationTestBase {

    static final String LKT = "https://w3id.org/lakou/thesaurus/thematique/";

    private final String run = Long.toString(System.nanoTime(), 36);

    private TestHttp newMember(String name) {
        String email = name + "-" + run + "@alertes.test";
        memberApi.create(new NewMember(email, "Veilleuse " + name, "Ville de Schœlcher", MemberCategory.COLLECTIVITE,
                null, PASSWORD));
        return anonymous().as(email, PASSWORD);
    }

    private static Map<String, Object> alert(String name, String frequency) {
        return Map.of("name", name, "concepts", List.of(LKT + "cohesion-sociale"), "types", List.of("rapport"),
                "frequency", frequency);
    }

    @Test
    void aMemberManagesTheirOwnAlertsOnly() {
        TestHttp owner = newMember("owner");
        TestHttp other = newMember("other");
        Response created = owner.post("/api/alerts", alert("Cohésion sociale", "weekly"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo(baseUrl() + "/api/alerts/" + id);
        assertThat(created.json().get("frequency").asString()).isEqualTo("weekly");
        assertThat(created.json().get("active").asBoolean()).isTrue();
        assertThat(created.json().get("lastSent").isNull()).isTrue();
        String ownerId = created.json().get("memberId").asString();

        assertThat(owner.get("/api/alerts").json().valueStream().map(a -> a.get("id").asString())).containsExactly(id);
        assertThat(owner.get("/api/alerts/" + id).json().get("name").asString()).isEqualTo("Cohésion sociale");

        Response foreign = other.get("/api/alerts/" + id);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(other.put("/api/alerts/" + id, alert("détournée", "daily"), Map.of()).status()).isEqualTo(404);
        assertThat(other.delete("/api/alerts/" + id).status()).isEqualTo(404);
        assertThat(other.get("/api/alerts").json().size()).isZero();
        assertThat(other.get("/api/alerts?memberId=" + ownerId).status()).isEqualTo(403);

        Response staff = documentalist().get("/api/alerts?memberId=" + ownerId);
        assertThat(staff.status()).as(staff.body()).isEqualTo(200);
        assertThat(staff.json().valueStream().map(a -> a.get("id").asString())).containsExactly(id);
        assertThat(documentalist().get("/api/alerts?memberId=nobody").status()).isEqualTo(404);

        Response renamed = owner.put("/api/alerts/" + id, Map.of("name", "Lien social", "concepts",
                List.of(LKT + "lien-social"), "frequency", "daily", "active", false), Map.of());
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("Lien social");
        assertThat(renamed.json().get("active").asBoolean()).isFalse();
        assertThat(renamed.json().get("types").size()).as("PUT replaces the criteria").isZero();

        assertThat(owner.delete("/api/alerts/" + id).status()).isEqualTo(204);
        assertThat(owner.get("/api/alerts/" + id).status()).isEqualTo(404);
        assertThat(owner.get("/api/alerts").json().size()).isZero();
    }

    @Test
    void anonymousCallersAreRefused() {
        assertThat(anonymous().get("/api/alerts").status()).isEqualTo(401);
        assertThat(anonymous().post("/api/alerts", alert("x", "daily")).status()).isEqualTo(401);
        assertThat(anonymous().get("/api/alerts/x").status()).isEqualTo(401);
        assertThat(anonymous().delete("/api/alerts/x").status()).isEqualTo(401);
    }

    @Test
    void invalidAlertsAreRefusedWithProblemDetails() {
        TestHttp m = member();
        Response noName = m.post("/api/alerts", Map.of("concepts", List.of(LKT + "sante"), "frequency", "daily"));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.contentType()).startsWith("application/problem+json");
        assertThat(noName.json().get("errors").valueStream().map(e -> e.get("field").asString())).contains("name");

        Response noConcept = m.post("/api/alerts", Map.of("name", "vide", "concepts", List.of(), "frequency", "daily"));
        assertThat(noConcept.status()).isEqualTo(400);
        assertThat(noConcept.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("concepts");

        Response hourly = m.post("/api/alerts", Map.of("name", "trop", "concepts", List.of(LKT + "sante"),
                "frequency", "hourly"));
        assertThat(hourly.status()).isEqualTo(400);
        assertThat(hourly.contentType()).startsWith("application/problem+json");

        Response unknown = m.post("/api/alerts", Map.of("name", "coquille", "concepts",
                List.of(LKT + "sante", LKT + "sante-publiquee"), "frequency", "daily"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("unknown").valueStream().map(v -> v.asString()))
                .containsExactly(LKT + "sante-publiquee");

        Response badType = m.post("/api/alerts", Map.of("name", "type", "concepts", List.of(LKT + "sante"),
                "types", List.of("roman"), "frequency", "daily"));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().get("parameter").asString()).isEqualTo("types");
    }

    @Test
    void theApiIsDocumented() {
        String docs = anonymous().get("/v3/api-docs").body();
        assertThat(docs).contains("\"/api/alerts\"", "\"/api/alerts/{id}\"", "AlertCommand");
    }
}
