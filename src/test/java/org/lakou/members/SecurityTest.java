package org.lakou.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.TestHttp.Response;
import org.springframework.beans.factory.annotation.Autowired;

/** Tokens, throttling, form login with CSRF, staff-only account management and the audit log. */
class SecurityTest extends IntegrationTestBase {

    @Autowired
    AuditLog audit;

    private String newAccount(String prefix, Role role) {
        String email = prefix + "-" + System.nanoTime() + "@lakou.test";
        memberApi.create(new NewMember(email, "Compte " + prefix, null, MemberCategory.ETAT, role, PASSWORD));
        return email;
    }

    @Test
    void personalTokensAreCreatedUsedAndRevoked() {
        TestHttp me = member();
        Response created = me.post("/api/members/me/tokens", Map.of("name", "script"));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        String tokenId = created.json().get("id").asString();
        assertThat(me.get("/api/members/me/tokens").body()).contains(tokenId).doesNotContain(secret);

        TestHttp bearer = anonymous().bearer(secret);
        assertThat(bearer.get("/api/members/me").json().get("email").asString()).isEqualTo(MEMBER);
        assertThat(bearer.post("/api/records", Map.of("title", "x")).status()).isEqualTo(403);
        assertThat(me.delete("/api/members/me/tokens/" + tokenId).status()).isEqualTo(204);
        Response revoked = bearer.get("/api/members/me");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.contentType()).startsWith("application/problem+json");
        assertThat(anonymous().bearer("lk_forged").get("/api/members/me").status()).isEqualTo(401);
    }

    @Test
    void repeatedFailuresLockTheAccountForAWhile() {
        String email = newAccount("throttle", Role.MEMBER);
        for (int i = 0; i < 5; i++) {
            assertThat(anonymous().as(email, "wrong password " + i).get("/api/members/me").status()).isEqualTo(401);
        }
        Response locked = anonymous().as(email, PASSWORD).get("/api/members/me");
        assertThat(locked.status()).as("even the right password is refused while locked").isEqualTo(429);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertThat(locked.header("Retry-After")).isNotBlank();
        assertThat(locked.json().get("reason").asString()).isEqualTo("login-throttled");
        clock.advance(java.time.Duration.ofMinutes(16));
        assertThat(anonymous().as(email, PASSWORD).get("/api/members/me").status()).isEqualTo(200);
    }

    @Test
    void onlyAdministratorsCreateStaffAndEveryStaffChangeIsAudited() {
        Map<String, Object> staff = Map.of("email", "doc-" + System.nanoTime() + "@lakou.test", "name", "Doc",
                "category", "etat", "role", "DOCUMENTALIST", "password", PASSWORD);
        Response byDoc = documentalist().post("/api/members", staff);
        assertThat(byDoc.status()).isEqualTo(403);
        assertThat(byDoc.json().get("reason").asString()).isEqualTo("admin-only");
        Response byAdmin = admin().post("/api/members", staff);
        assertThat(byAdmin.status()).isEqualTo(201);
        assertThat(byAdmin.json().get("role").asString()).isEqualTo("documentalist");
        assertThat(byAdmin.body()).doesNotContain("password");

        Response m = documentalist().post("/api/members", Map.of("email", "asso-" + System.nanoTime() + "@lakou.test",
                "name", "Association Quartiers", "organisation", "Asso", "category", "association"));
        assertThat(m.status()).isEqualTo(201);
        String id = m.json().get("id").asString();
        assertThat(documentalist().put("/api/members/" + id + "/status", Map.of("status", "suspended"), Map.of())
                .json().get("status").asString()).isEqualTo("suspended");
        assertThat(audit.recent(memberId(DOCUMENTALIST), 10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("PUT /api/members/{id}/status");
            assertThat(e.target()).isEqualTo("/api/members/" + id + "/status");
            assertThat(e.actorEmail()).isEqualTo(DOCUMENTALIST);
            assertThat(e.status()).isEqualTo(200);
        });
        assertThat(admin().get("/api/audit?limit=5").status()).isEqualTo(200);
        assertThat(documentalist().get("/api/audit").status()).isEqualTo(403);
    }

    @Test
    void formLoginUsesASessionAndCsrf() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"").matcher(page);
        assertThat(csrf.find()).as(page).isTrue();
        String form = "username=" + DOCUMENTALIST.replace("@", "%40") + "&password="
                + PASSWORD.replace(" ", "+") + "&_csrf=" + (csrf.group(1) != null ? csrf.group(1) : csrf.group(2));
        var login = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

        var me = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/members/me")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.body()).contains(DOCUMENTALIST);
        var withoutToken = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/records"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).as("a session-authenticated change needs the CSRF token").isEqualTo(403);
        assertThat(withoutToken.body()).contains("csrf");
    }

    @Test
    void anonymousAndForbiddenAnswersAreProblemDetails() {
        Response anon = anonymous().get("/api/members");
        assertThat(anon.status()).isEqualTo(401);
        assertThat(anon.contentType()).startsWith("application/problem+json");
        assertThat(anon.header("WWW-Authenticate")).contains("Bearer");
        Response forbidden = member().get("/api/members");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(anonymous().as(MEMBER, "not the password").get("/api/records/x").status()).isEqualTo(401);
    }
}
