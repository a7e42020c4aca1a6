package org.lakou.thesaurus;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.lakou.TestHttp;

/** Test helpers for the thesaurus endpoints: raw and multipart uploads, and parsing RDF answers. */
final class ThesaurusHttp {

    private ThesaurusHttp() {
    }

    static TestHttp.Response postBody(TestHttp http, String path, String body, String contentType) {
        return http.send(HttpRequest.newBuilder(http.uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), Map.of());
    }

    static TestHttp.Response postFile(TestHttp http, String path, String fileName, byte[] content) {
        String boundary = "lakou-" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(http.uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())), Map.of());
    }

    static TestHttp.Response get(TestHttp http, String path, String accept) {
        return http.send(HttpRequest.newBuilder(http.uri(path)).GET(), accept == null ? Map.of() : Map.of("Accept", accept));
    }

    static Model parse(String body, Lang lang) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(body)).lang(lang).base("http://base/").parse(m);
        return m;
    }
}
