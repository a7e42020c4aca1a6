package org.lakou.oai;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers that Spring or the servlet container would give before the OAI controller runs (a
 * method the endpoint does not take, a path below it, a request the container cannot parse) are
 * still OAI-PMH XML that validates, with the HTTP status that says what went wrong: a harvester
 * reads OAI-PMH, never the API's problem+json or an HTML error page.
 */
class OaiEnvelopeHttpTest extends IntegrationTestBase {

    @BeforeAll
    static void schemas() {
        OaiXsd.assumeAvailable();
    }

    @Test
    void aMethodTheEndpointDoesNotTakeIs405InOaiXml() {
        TestHttp.Response r = http().send(HttpRequest.newBuilder(http().uri("/oai?verb=Identify"))
                .PUT(HttpRequest.BodyPublishers.ofString("verb=Identify")), Map.of());
        assertOai(r, 405);
        assertThat(r.header("Allow")).contains("GET").contains("POST");
        TestHttp.Response d = http().send(HttpRequest.newBuilder(http().uri("/oai")).DELETE(), Map.of());
        assertOai(d, 405);
    }

    @Test
    void aPathBelowTheEndpointIs404InOaiXml() {
        assertOai(http().get("/oai/request?verb=Identify"), 404);
    }

    @Test
    void anArgumentTheContainerCannotDecodeIsABadArgument() throws IOException {
        // java.net.URI refuses to build such a request, so it goes out as bytes.
        String answer = raw("GET /oai?verb=Identify&from=%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(answer).containsIgnoringCase("Content-Type: text/xml");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        OaiXsd.validateWithMods(body);
        assertThat(body).contains("code=\"badArgument\"");
    }

    @Test
    void theEndpointStillAnswersItsVerbs() {
        TestHttp.Response r = http().get("/oai?verb=Identify");
        assertThat(r.status()).isEqualTo(200);
        OaiXsd.validateWithMods(r.body());
        assertThat(r.body()).contains("<Identify>");
    }

    private String raw(String request) throws IOException {
        URI base = URI.create(baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private TestHttp http() {
        return new TestHttp(baseUrl());
    }

    private static void assertOai(TestHttp.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).as(r.body()).startsWith("text/xml");
        OaiXsd.validateWithMods(r.body());
        assertThat(r.body()).contains("<error code=\"badVerb\">");
    }
}
