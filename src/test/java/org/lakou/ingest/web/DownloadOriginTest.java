package org.lakou.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the separate download origin is set, public files asked on the main origin are sent there. */
class DownloadOriginTest {

    @Test
    void theMainOriginRedirectsToTheFilesOrigin() {
        assertThat(DownloadOrigin.redirect("https://fichiers.lakou.org", "https://lakou.org", "r1", "abc"))
                .hasValueSatisfying(u -> assertThat(u).hasToString("https://fichiers.lakou.org/api/records/r1/files/abc"));
        assertThat(DownloadOrigin.redirect("https://cdn.lakou.org/lakou", "http://localhost:8080", "r 1", "abc"))
                .hasValueSatisfying(u -> assertThat(u).hasToString("https://cdn.lakou.org/lakou/api/records/r%201/files/abc"));
    }

    @Test
    void theFilesOriginServesItselfWhateverTheSchemeAndPortSeenBehindAProxy() {
        assertThat(DownloadOrigin.redirect("https://fichiers.lakou.org", "http://FICHIERS.lakou.org:8080", "r1", "a"))
                .isEmpty();
    }
}
