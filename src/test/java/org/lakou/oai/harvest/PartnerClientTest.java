package org.lakou.oai.harvest;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.gdcc.xoai.serviceprovider.exceptions.HttpException;
import io.gdcc.xoai.serviceprovider.parameters.Parameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.gdcc.xoai.model.oaipmh.verbs.Verb.Type.Identify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retries with back-off on 503 and network failures; client errors fail at once. */
class PartnerClientTest {

    private HttpServer server;

    private String serve(int failuresBefore, int failStatus) throws IOException {
        AtomicInteger calls = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oai", ex -> {
            if (calls.incrementAndGet() <= failuresBefore) {
                ex.getResponseHeaders().add("Retry-After", "0");
                ex.sendResponseHeaders(failStatus, -1);
            } else {
                byte[] b = ("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>2026-03-02T10:00:00Z"
                        + "</responseDate></OAI-PMH>").getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, b.length);
                ex.getResponseBody().write(b);
            }
            ex.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/oai";
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void retriesUnavailableThenReadsTheResponseDate() throws Exception {
        PartnerClient client = new PartnerClient(serve(2, 503), Duration.ofSeconds(5), 4, Duration.ofMillis(10));
        try (InputStream in = client.execute(Parameters.parameters().withVerb(Identify))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("responseDate");
        }
        assertThat(client.retries()).isEqualTo(2);
        assertThat(client.pages()).isEqualTo(1);
        assertThat(client.firstResponseDate()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    }

    @Test
    void givesUpAfterTheLastAttempt() throws Exception {
        PartnerClient client = new PartnerClient(serve(10, 503), Duration.ofSeconds(5), 3, Duration.ofMillis(10));
        assertThatThrownBy(() -> client.execute(Parameters.parameters().withVerb(Identify)))
                .isInstanceOf(HttpException.class).hasMessageContaining("503");
        assertThat(client.retries()).isEqualTo(2);
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        PartnerClient client = new PartnerClient(serve(10, 404), Duration.ofSeconds(5), 3, Duration.ofMillis(10));
        assertThatThrownBy(() -> client.execute(Parameters.parameters().withVerb(Identify)))
                .hasMessageContaining("404");
        assertThat(client.retries()).isZero();
    }

    @Test
    void networkFailuresAreRetriedAndLeaveNoInterruptFlag() throws Exception {
        PartnerClient client = new PartnerClient("http://127.0.0.1:1/oai", Duration.ofSeconds(2), 2, Duration.ofMillis(10));
        assertThatThrownBy(() -> client.execute(Parameters.parameters().withVerb(Identify)))
                .isInstanceOf(HttpException.class).hasMessageContaining("Cannot reach");
        assertThat(client.retries()).isEqualTo(1);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
