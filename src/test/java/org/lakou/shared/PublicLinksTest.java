package org.lakou.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp.Response;

/** Issue 13 item 3: Location headers are absolute, at the address the client used (proxy included). */
class PublicLinksTest extends IntegrationTestBase {

    private static final Map<String, Object> RECORD = Map.of("title", "Lien public", "type", "rapport",
            "language", "fr", "accessLevel", "public");

    @Test
    void locationHeadersUseTheAddressTheClientReached() {
        Response direct = documentalist().post("/api/records", RECORD);
        assertThat(direct.status()).isEqualTo(201);
        String id = direct.json().get("id").asString();
        assertThat(direct.header("Location")).isEqualTo("http://localhost:" + port + "/api/records/" + id);

        Response proxied = documentalist().sendJson("POST", "/api/records", RECORD,
                Map.of("X-Forwarded-Host", "doc.ville-caraibe.org", "X-Forwarded-Proto", "https"));
        assertThat(proxied.status()).isEqualTo(201);
        assertThat(proxied.header("Location"))
                .isEqualTo("https://doc.ville-caraibe.org/api/records/" + proxied.json().get("id").asString());
    }
}
