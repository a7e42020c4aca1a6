package org.lakou.oai.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.TestHttp.Response;
import tools.jackson.databind.JsonNode;

/**
 * A partner's OAI response is XML from outside: a DOCTYPE in it declaring an external entity
 * (a local file, or a URL on this machine) must never be resolved. A fake partner, a real HTTP
 * server, answers Identify normally and ListRecords with such an entity in a record's title.
 */
class HarvestXxeTest extends IntegrationTestBase {

    private static final String OAI = "xmlns=\"http://www.openarchives.org/OAI/2.0/\"";
    private HttpServer partner;
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private String secret;
    private Path secretFile;

    @BeforeEach
    void startPartner() throws IOException {
        secret = "SECRET-DU-SERVEUR-" + System.nanoTime();
        secretFile = Files.writeString(Files.createTempFile(DATA_DIR, "secret", ".txt"), secret);
        partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partner.createContext("/leak", exchange -> {
            heard.add(String.valueOf(exchange.getRequestURI()));
            byte[] body = secret.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        partner.createContext("/oai", exchange -> {
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            byte[] body = (query.contains("verb=Identify") ? identify() : listRecords()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        partner.start();
    }

    @AfterEach
    void stopPartner() {
        partner.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + partner.getAddress().getPort() + "/oai";
    }

    private String identify() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><OAI-PMH " + OAI + "><responseDate>2026-12-01T10:00:00Z"
                + "</responseDate><request verb=\"Identify\">" + base() + "</request><Identify><repositoryName>Faux"
                + "</repositoryName><baseURL>" + base() + "</baseURL><protocolVersion>2.0</protocolVersion><adminEmail>"
                + "doc@faux-partenaire.org</adminEmail><earliestDatestamp>2020-01-01T00:00:00Z</earliestDatestamp>"
                + "<deletedRecord>transient</deletedRecord><granularity>YYYY-MM-DDThh:mm:ssZ</granularity></Identify>"
                + "</OAI-PMH>";
    }

    private String listRecords() {
        String leak = "http://127.0.0.1:" + partner.getAddress().getPort() + "/leak";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE OAI-PMH [<!ENTITY fichier SYSTEM \""
                + secretFile.toUri() + "\"><!ENTITY reseau SYSTEM \"" + leak + "\">]>\n<OAI-PMH " + OAI + ">"
                + "<responseDate>2026-12-01T10:00:00Z</responseDate><request verb=\"ListRecords\" "
                + "metadataPrefix=\"oai_dc\">" + base() + "</request><ListRecords>" + record(1, "&fichier;")
                + record(2, "&reseau;") + "</ListRecords></OAI-PMH>";
    }

    private static String record(int n, String entity) {
        return "<record><header><identifier>oai:faux-partenaire.org:" + n + "</identifier><datestamp>"
                + "2026-01-01T00:00:00Z</datestamp></header><metadata><oai_dc:dc "
                + "xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Rapport piégé " + entity + "</dc:title>"
                + "<dc:description>" + entity + "</dc:description></oai_dc:dc></metadata></record>";
    }

    @Test
    void externalEntitiesInAPartnersResponseAreNeverResolved() {
        TestHttp http = admin();
        Response source = http.post("/api/harvest/sources", Map.of("name", "Partenaire piégé " + System.nanoTime(),
                "baseUrl", base(), "metadataPrefix", "oai_dc"));
        assertThat(source.status()).as(source.body()).isEqualTo(201);
        Response run = http.post("/api/harvest/sources/" + source.json().get("id").asString() + "/run", Map.of());
        assertThat(run.body()).doesNotContain(secret);
        JsonNode log = run.json();

        assertThat(heard).as("requests the harvester made for an external entity").isEmpty();
        assertThat(log.get("added").asInt()).as(run.body()).isZero();
        assertThat(log.get("status").asString()).isEqualTo("FAILED");
        assertThat(log.get("errors").get(0).asString()).as("the run says what went wrong").contains("DTD");
        assertThat(anonymous().get("/api/search?q=" + secret).body()).doesNotContain(secret);
        assertThat(anonymous().get("/api/search?q=" + java.net.URLEncoder.encode("Rapport piégé", StandardCharsets.UTF_8))
                .body()).doesNotContain(secret);
    }
}
