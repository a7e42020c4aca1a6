package org.lakou.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.catalogue.CatalogueApi;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Office files are zipped XML parsed by Tika (POI) in the worker JVMs. A .docx whose document part
 * declares external entities (a file on this machine, and a URL of a listener on it) must not have
 * them resolved: checked here with a real upload rather than assumed from Tika's defaults.
 */
class OfficeXxeTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;

    @TempDir
    Path tmp;

    @Test
    void aDocxDeclaringExternalEntitiesNeverResolvesThem() throws Exception {
        String secret = "SECRET-DU-SERVEUR-" + System.nanoTime();
        Path secretFile = Files.writeString(tmp.resolve("secret.txt"), secret);
        List<String> heard = new CopyOnWriteArrayList<>();
        HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            heard.add(String.valueOf(exchange.getRequestURI()));
            byte[] body = secret.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        listener.start();
        try {
            // the same minimal .docx without a DOCTYPE is read: the test's file is a real one
            String visible = "Rapport lisible " + TestFiles.token();
            TestHttp.Response plain = documentalist().upload("/api/ingest", "file",
                    docx(tmp.resolve("sain.docx"), "", visible));
            assertThat(plain.status()).as(plain.body()).isEqualTo(201);
            assertThat(catalogue.fullText(plain.json().get("record").get("id").asString())).contains(visible);

            String url = "http://127.0.0.1:" + listener.getAddress().getPort() + "/entity";
            Path docx = docx(tmp.resolve("piege.docx"), "<!DOCTYPE w:document [<!ENTITY fichier SYSTEM \""
                    + secretFile.toUri() + "\"><!ENTITY reseau SYSTEM \"" + url + "\">]>",
                    "Rapport visible " + TestFiles.token() + " &fichier; &reseau;");

            TestHttp.Response r = documentalist().upload("/api/ingest", "file", docx);

            assertThat(r.status()).as(r.body()).isIn(201, 422);
            assertThat(r.body()).doesNotContain(secret);
            if (r.status() == 201) {
                String text = catalogue.fullText(r.json().get("record").get("id").asString());
                assertThat(text == null ? "" : text).doesNotContain(secret);
            }
            assertThat(heard).as("requests Tika made for an external entity").isEmpty();
        } finally {
            listener.stop(0);
        }
    }

    /** The smallest .docx Word and Tika accept, with {@code doctype} and {@code text} in its document part. */
    private static Path docx(Path file, String doctype, String text) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.wordprocessingml.document.main+xml\"/></Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            put(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype
                    + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                    + "<w:body><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:body></w:document>");
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
