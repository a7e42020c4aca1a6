package org.lakou.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.catalogue.TextStatus;
import org.lakou.ingest.internal.FileStore;
import org.lakou.shared.ApiException;
import org.lakou.shared.PublicUrl;
import org.lakou.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * With {@code lakou.files.public-url} set, the download controller (real catalogue, file store and
 * access policy of the running context) sends public files to the files origin and serves them
 * there; files that need credentials are never sent away.
 */
class FilesOriginRedirectTest extends IntegrationTestBase {

    private static final String FILES = "https://fichiers.lakou.test";

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    FileStore store;

    @Autowired
    FileAccessPolicy policy;

    @Autowired
    ApplicationEventPublisher events;

    @TempDir
    Path tmp;

    private RecordFileController controller() {
        PublicUrl urls = new PublicUrl() {
            @Override
            public String base() {
                return "https://lakou.test";
            }

            @Override
            public boolean configured() {
                return true;
            }

            @Override
            public Optional<String> filesBase() {
                return Optional.of(FILES);
            }
        };
        return new RecordFileController(store, policy, urls, events, Clock.systemUTC());
    }

    private ResponseEntity<Resource> get(String host, Record r) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET",
                "/api/records/" + r.id() + "/files/" + r.files().get(0).id());
        request.setServerName(host);
        return controller().download(r.id(), r.files().get(0).id(), new ServletWebRequest(request), request);
    }

    private Record record(AccessLevel level, boolean publish) throws Exception {
        String token = "origin-" + System.nanoTime();
        Path file = Files.writeString(tmp.resolve(token + ".pdf"), "%PDF-1.4 " + token);
        String sha = org.lakou.ingest.TestFiles.sha256(file);
        store.store(file, sha, "guide.pdf", "application/pdf");
        Record r = catalogue.createFromFile(new RecordFields("Guide " + token, null, List.of(), null, null, null, "fr",
                null, List.of(), List.of(), null, level), new FileRef(sha, "guide.pdf", "application/pdf",
                Files.size(file), 1, 0, false, TextStatus.EXTRACTED), "");
        return publish ? catalogue.publish(r.id()) : r;
    }

    @AfterEach
    void anonymousAgain() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPublicFileAskedOnTheMainOriginIsServedFromTheFilesOrigin() throws Exception {
        Record r = record(AccessLevel.PUBLIC, true);
        ResponseEntity<Resource> main = get("lakou.test", r);
        assertThat(main.getStatusCode().value()).isEqualTo(302);
        assertThat(main.getHeaders().getLocation())
                .hasToString(FILES + "/api/records/" + r.id() + "/files/" + r.files().get(0).id());

        ResponseEntity<Resource> there = get("fichiers.lakou.test", r);
        assertThat(there.getStatusCode().value()).isEqualTo(200);
        assertThat(there.getHeaders().getFirst("Content-Security-Policy")).isEqualTo("sandbox");
        assertThat(there.getBody().getContentAsByteArray()).startsWith("%PDF".getBytes());
    }

    @Test
    void filesThatNeedCredentialsStayOnTheMainOrigin() throws Exception {
        Record members = record(AccessLevel.MEMBERS, true);
        assertThatThrownBy(() -> get("lakou.test", members)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status().value()).isEqualTo(401));

        Record draft = record(AccessLevel.PUBLIC, false);
        Viewer.Identified staff = () -> "doc-1";
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken(staff, null, "ROLE_DOCUMENTALIST"));
        assertThat(get("lakou.test", draft).getStatusCode().value()).as("a draft, for staff only").isEqualTo(200);
        assertThat(get("lakou.test", members).getStatusCode().value()).isEqualTo(200);
    }
}
