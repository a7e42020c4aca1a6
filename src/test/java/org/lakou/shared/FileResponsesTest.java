package org.lakou.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** The names and headers every stored file goes out with. */
class FileResponsesTest {

    @Test
    void onlyTheBaseNameOfAClientPathIsKept() {
        assertThat(FileResponses.baseName("../../../../tmp/passwd")).isEqualTo("passwd");
        assertThat(FileResponses.baseName("C:\\Users\\marie\\Rapport été.pdf")).isEqualTo("Rapport été.pdf");
        assertThat(FileResponses.baseName("a/b\\c/..\\d.txt")).isEqualTo("d.txt");
        assertThat(FileResponses.baseName("evil\r\nSet-Cookie: x.txt")).isEqualTo("evilSet-Cookie: x.txt");
        assertThat(FileResponses.baseName("dossier/")).isEqualTo("file");
        assertThat(FileResponses.baseName("..")).isEqualTo("file");
        assertThat(FileResponses.baseName(null)).isEqualTo("file");
    }

    @Test
    void theDispositionCarriesAnAsciiFallbackAndTheRfc6266Name() {
        assertThat(FileResponses.disposition(true, "/tmp/Évaluation \"été\" 100%.pdf")).isEqualTo(
                "attachment; filename=\"Evaluation _ete_ 100_.pdf\"; "
                        + "filename*=UTF-8''%C3%89valuation%20%22%C3%A9t%C3%A9%22%20100%25.pdf");
        assertThat(FileResponses.disposition(false, "日本.txt")).isEqualTo(
                "inline; filename=\"__.txt\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.txt");
    }

    @Test
    void onlySafeTypesAreInlineAndEverythingIsSandboxedAndNotSniffed() {
        for (String safe : new String[] {"application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp",
                "text/plain;charset=UTF-8", "IMAGE/PNG"}) {
            assertThat(disposition(FileResponses.shown(safe, "f"))).as(safe).startsWith("inline;");
        }
        for (String unsafe : new String[] {"text/html", "image/svg+xml", "application/xhtml+xml", "text/xml",
                "application/javascript", "application/octet-stream", "not a type", ""}) {
            assertThat(disposition(FileResponses.shown(unsafe, "f"))).as(unsafe).startsWith("attachment;");
        }
        assertThat(disposition(FileResponses.attachment("application/pdf", "f"))).startsWith("attachment;");
        HttpHeaders h = FileResponses.shown("application/pdf", "f").build().getHeaders();
        assertThat(h.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(h.getFirst("Content-Security-Policy")).isEqualTo("sandbox");
        assertThat(FileResponses.shown("not a type", "f").build().getHeaders().getContentType())
                .hasToString("application/octet-stream");
    }

    private static String disposition(ResponseEntity.BodyBuilder b) {
        return b.build().getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
    }
}
