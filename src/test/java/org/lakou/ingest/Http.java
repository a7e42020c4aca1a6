package org.lakou.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the tests: multipart uploads built by hand, streamed, never buffered whole. */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String authorization;

    /** Anonymous. */
    public Http(String base) {
        this(base, null);
    }

    private Http(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The same client with HTTP Basic credentials (ingest is staff work). */
    public Http as(String user, String password) {
        return new Http(base, "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public record Answer(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Answer upload(String path, String field, Path file) throws IOException {
        return upload(path, field, file.getFileName().toString(), () -> open(file));
    }

    /** One multipart part whose bytes come from {@code content}, read while sending. */
    public Answer upload(String path, String field, String fileName, Supplier<InputStream> content) {
        String boundary = "lakou-" + UUID.randomUUID();
        Supplier<InputStream> body = () -> new SequenceInputStream(Collections.enumeration(List.of(
                ascii(partHeader(boundary, field, fileName)), content.get(), ascii("\r\n--" + boundary + "--\r\n"))));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(body)));
    }

    /** Several parts under the same field name. */
    public Answer uploadAll(String path, String field, List<Path> files) throws IOException {
        String boundary = "lakou-" + UUID.randomUUID();
        List<InputStream> parts = new ArrayList<>();
        for (Path f : files) {
            parts.add(ascii(partHeader(boundary, field, f.getFileName().toString())));
            parts.add(new ByteArrayInputStream(Files.readAllBytes(f)));
            parts.add(ascii("\r\n"));
        }
        parts.add(ascii("--" + boundary + "--\r\n"));
        byte[] all = new SequenceInputStream(Collections.enumeration(parts)).readAllBytes();
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(all)));
    }

    public Answer postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public byte[] bytes(String path) {
        try {
            return client.send(authorized(HttpRequest.newBuilder(URI.create(base + path))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private Answer send(HttpRequest.Builder request) {
        authorized(request);
        try {
            HttpResponse<String> r = client.send(request.timeout(Duration.ofMinutes(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                    r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String partHeader(String boundary, String field, String fileName) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName.replace("\"", "") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    }

    private static InputStream ascii(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
