package org.lakou.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lakou.BrowserSession;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp.Response;

/**
 * Issue 18, holes 6, 10 and 11, through a real session cookie (form login and CSRF): an account's
 * sessions and tokens follow its status and role at once; CSRF is skipped only for a request that
 * Basic or Bearer credentials actually authenticated; health details are for staff.
 */
class SessionSecurityTest extends IntegrationTestBase {

    private static final Map<String, Object> RECORD = Map.of("title", "Note de cadrage", "type", "rapport",
            "language", "fr", "accessLevel", "public");

    private String newAccount(String prefix, Role role) {
        String email = prefix + "-" + System.nanoTime() + "@lakou.test";
        memberApi.create(new NewMember(email, "Compte " + prefix, null, MemberCategory.ETAT, role, PASSWORD));
        return email;
    }

    private BrowserSession login(String email) {
        return BrowserSession.login(baseUrl(), email, PASSWORD);
    }

    private static String basic(String email, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aClosedAccountLosesItsOpenSession() {
        String email = newAccount("closed", Role.MEMBER);
        BrowserSession browser = login(email);
        assertThat(browser.get("/api/members/me").status()).isEqualTo(200);

        Response closed = admin().put("/api/members/" + memberId(email) + "/status", Map.of("status", "closed"), Map.of());
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);

        Response after = browser.get("/api/members/me");
        assertThat(after.status()).as("the closed account's session must no longer work").isEqualTo(401);
        assertThat(after.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aDemotedDocumentalistsSessionAndTokenLoseTheRoleAtOnce() {
        String email = newAccount("demoted", Role.DOCUMENTALIST);
        BrowserSession browser = login(email);
        String token = anonymous().as(email, PASSWORD).post("/api/members/me/tokens", Map.of("name", "script"))
                .json().get("secret").asString();
        assertThat(browser.jsonWithCsrf("POST", "/api/records", RECORD).status()).isEqualTo(201);
        assertThat(anonymous().bearer(token).post("/api/records", RECORD).status()).isEqualTo(201);

        Response demoted = admin().put("/api/members/" + memberId(email) + "/role", Map.of("role", "MEMBER"), Map.of());
        assertThat(demoted.status()).as(demoted.body()).isEqualTo(200);

        Response bySession = browser.jsonWithCsrf("POST", "/api/records", RECORD);
        assertThat(bySession.status()).as("the session must follow the new role: " + bySession.body()).isEqualTo(403);
        assertThat(bySession.json().get("reason").asString()).isEqualTo("forbidden");
        assertThat(browser.get("/api/members/me").json().get("role").asString()).isEqualTo("member");
        assertThat(anonymous().bearer(token).post("/api/records", RECORD).status()).isEqualTo(403);

        admin().put("/api/members/" + memberId(email) + "/role", Map.of("role", "DOCUMENTALIST"), Map.of());
        assertThat(browser.jsonWithCsrf("POST", "/api/records", RECORD).status()).as("and back when promoted")
                .isEqualTo(201);
    }

    @Test
    void csrfIsSkippedOnlyWhenTheAuthorizationHeaderAuthenticated() {
        String email = newAccount("csrf", Role.DOCUMENTALIST);
        BrowserSession browser = login(email);

        Response foreignScheme = browser.json("POST", "/api/records", RECORD, Map.of("Authorization", "Negotiate abc"));
        assertThat(foreignScheme.status()).as(foreignScheme.body()).isEqualTo(403);
        assertThat(foreignScheme.json().get("reason").asString()).isEqualTo("csrf");

        Response wrongPassword = browser.json("POST", "/api/records", RECORD,
                Map.of("Authorization", basic(email, "not the password")));
        assertThat(wrongPassword.status()).as("bad Basic credentials beside a session: " + wrongPassword.body())
                .isEqualTo(401);

        Response forgedToken = browser.json("POST", "/api/records", RECORD, Map.of("Authorization", "Bearer lk_forged"));
        assertThat(forgedToken.status()).isEqualTo(401);

        Response rightPassword = browser.json("POST", "/api/records", RECORD,
                Map.of("Authorization", basic(email, PASSWORD)));
        assertThat(rightPassword.status()).as("Basic credentials that authenticate need no CSRF token").isEqualTo(201);
        assertThat(browser.jsonWithCsrf("POST", "/api/records", RECORD).status()).isEqualTo(201);
    }

    @Test
    void healthDetailsAreForStaffOnly() {
        for (Response r : new Response[] {anonymous().get("/actuator/health"), member().get("/actuator/health")}) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("status").asString()).isEqualTo("UP");
            assertThat(r.json().has("components")).as(r.body()).isFalse();
            assertThat(r.body()).doesNotContain(DATA_DIR.getFileName().toString(), "mongo", "solr", "diskSpace");
        }
        assertThat(anonymous().get("/actuator/health/diskSpace").status()).isIn(401, 403, 404);

        Response staff = documentalist().get("/actuator/health");
        assertThat(staff.json().get("components").has("solr")).as(staff.body()).isTrue();
        assertThat(admin().get("/actuator/health").json().get("components").get("diskSpace").get("details")
                .has("total")).isTrue();
        Response bySession = login(DOCUMENTALIST).get("/actuator/health");
        assertThat(bySession.json().has("components")).as("staff logged in through the form: " + bySession.body())
                .isTrue();
    }
}
