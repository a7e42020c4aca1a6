package org.lakou.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;

/**
 * The staff desk's entry and its access rules: members never reach {@code /gestion}, documentalists
 * do but not its administration part, and the navigation shows each only what it may open.
 */
class StaffPagesTest extends IntegrationTestBase {

    private Pages as(String email) {
        Pages p = new Pages(baseUrl());
        assertThat(p.login(email, PASSWORD).status()).isEqualTo(302);
        return p;
    }

    @Test
    void anonymousReadersAreSentToTheLoginForm() {
        Pages.Page page = new Pages(baseUrl()).get("/gestion");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
    }

    @Test
    void aMemberGetsForbidden() {
        Pages member = as(MEMBER);
        assertThat(member.get("/gestion").status()).isEqualTo(403);
        assertThat(member.get("/gestion/admin/membres").status()).isEqualTo(403);
        assertThat(member.get("/").body()).doesNotContain("href=\"/gestion\"");
    }

    @Test
    void aDocumentalistSeesTheDeskButNotItsAdministration() {
        Pages doc = as(DOCUMENTALIST);
        Pages.Page home = doc.get("/gestion");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("href=\"/gestion/depot\"", "href=\"/gestion/circulation\"")
                .doesNotContain("href=\"/gestion/admin/membres\"");
        assertThat(doc.get("/").body()).contains("href=\"/gestion\"");
        assertThat(doc.get("/gestion/admin/membres").status()).isEqualTo(403);
    }

    @Test
    void anAdministratorSeesTheAdministrationLinks() {
        Pages.Page home = as(ADMIN).get("/gestion");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("href=\"/gestion/admin/membres\"", "href=\"/gestion/admin/statistiques\"");
    }
}
