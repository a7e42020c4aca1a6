package org.lakou.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;

/**
 * Pages are written with their links as the templates give them: no rewriting of each link
 * through the static resource resolvers (it cost a class-path lookup per link and location, most
 * of a staff page's time). The WebJars they name without a version are still served.
 */
class PageLinksTest extends IntegrationTestBase {

    private static final String HTMX = "/webjars/htmx.org/dist/htmx.min.js";

    @Test
    void linksAreNotRewrittenAndVersionlessWebJarsAreServed() {
        TestHttp.Response staffHome = documentalist().get("/gestion");
        assertThat(staffHome.status()).isEqualTo(200);
        assertThat(staffHome.body()).contains("src=\"" + HTMX + "\"").doesNotContain("/webjars/htmx.org/2.");
        assertThat(anonymous().get("/").body()).contains("src=\"" + HTMX + "\"");

        TestHttp.Response script = anonymous().get(HTMX);
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(script.body()).contains("htmx");
    }
}
