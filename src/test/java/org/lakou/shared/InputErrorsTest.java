package org.lakou.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp.Response;

import tools.jackson.databind.JsonNode;

/**
 * Issue 13 item 5 and issue 18 item 7: unreadable input gets a ProblemDetail naming the field, the
 * value and, for an enum, the allowed values; query parameters take the JSON spelling; no error
 * body names a Java class.
 */
class InputErrorsTest extends IntegrationTestBase {

    private static void assertPlainProblem(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).doesNotContain("org.lakou", "java.", "No enum constant", "Failed to read request");
    }

    private static List<String> allowed(Response r) {
        JsonNode a = r.json().get("allowed");
        assertThat(a).as(r.body()).isNotNull();
        return a.valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void anUnknownEnumInABodyNamesFieldValueAndAllowedValues() {
        Response r = documentalist().post("/api/members", Map.of("email", "enum-" + System.nanoTime() + "@lakou.test",
                "name", "Essai", "category", "ministere"));
        assertPlainProblem(r);
        assertThat(r.json().get("field").asString()).isEqualTo("category");
        assertThat(r.json().get("value").asString()).isEqualTo("ministere");
        assertThat(allowed(r)).containsExactly("collectivite", "etat", "association", "bailleur-entreprise", "autre");
        assertThat(r.json().get("detail").asString()).contains("ministere", "category", "collectivite");
    }

    @Test
    void aNestedWrongTypeNamesThePath() {
        Response r = member().post("/api/alerts", Map.of("name", "Veille", "concepts", Map.of("a", 1),
                "frequency", "daily"));
        assertPlainProblem(r);
        assertThat(r.json().get("field").asString()).isEqualTo("concepts");
        assertThat(r.json().get("detail").asString()).contains("concepts", "list");

        Response frequency = member().post("/api/alerts", Map.of("name", "Veille", "concepts", List.of(),
                "frequency", "hourly"));
        assertPlainProblem(frequency);
        assertThat(frequency.json().get("field").asString()).isEqualTo("frequency");
        assertThat(allowed(frequency)).containsExactly("daily", "weekly");
    }

    @Test
    void malformedAndMissingBodiesSaySoWithoutJava() {
        Response malformed = documentalist().post("/api/records", "{\"title\": ");
        assertPlainProblem(malformed);
        assertThat(malformed.json().get("detail").asString()).contains("not valid JSON", "line 1");
        Response missing = documentalist().sendJson("POST", "/api/records", null, Map.of());
        assertPlainProblem(missing);
        assertThat(missing.json().get("detail").asString()).isEqualTo("A JSON body is required");
    }

    @Test
    void queryParametersTakeTheJsonSpelling() {
        assertThat(documentalist().get("/api/records?status=draft").status()).isEqualTo(200);
        assertThat(documentalist().get("/api/records?status=DRAFT").status()).isEqualTo(200);
        assertThat(member().get("/api/requests?status=in-progress").status()).isEqualTo(200);

        Response bad = documentalist().get("/api/records?status=brouillon");
        assertPlainProblem(bad);
        assertThat(bad.json().get("field").asString()).isEqualTo("status");
        assertThat(bad.json().get("value").asString()).isEqualTo("brouillon");
        assertThat(allowed(bad)).containsExactly("draft", "published", "withdrawn");
    }

    @Test
    void errorBodiesNeverNameJavaClasses() {
        Response bogus = member().get("/api/requests?status=BOGUS");
        assertPlainProblem(bogus);
        assertThat(allowed(bogus)).contains("new", "in-progress", "closed");
        Response page = documentalist().get("/api/records?page=deux");
        assertPlainProblem(page);
        assertThat(page.json().get("field").asString()).isEqualTo("page");
        assertThat(page.json().get("detail").asString()).contains("number");
    }
}
