package org.lakou;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain JDK HTTP client for tests: real requests to the running server (JSON, multipart), JSON parsed once. */
public final class TestHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient SHARED = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpClient client;
    private final String base;
    private final Map<String, String> defaults;
    private final Duration timeout;

    /** Anonymous: no credentials. */
    public TestHttp(String base) {
        this(base, Map.of());
    }

    private TestHttp(String base, Map<String, String> defaults) {
        this(base, defaults, Duration.ofSeconds(120));
    }

    private TestHttp(String base, Map<String, String> defaults, Duration timeout) {
        this.client = SHARED;
        this.base = base;
        this.defaults = defaults;
        this.timeout = timeout;
    }

    /** The same client waiting up to {@code timeout} per request (default 2 minutes). */
    public TestHttp timeout(Duration timeout) {
        return new TestHttp(base, defaults, timeout);
    }

    /** The same client authenticating every request with HTTP Basic. */
    public TestHttp as(String user, String password) {
        String basic = java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new TestHttp(base, Map.of("Authorization", "Basic " + basic));
    }

    /** The same client sending a personal API token. */
    public TestHttp bearer(String token) {
        return new TestHttp(base, Map.of("Authorization", "Bearer " + token));
    }

    public record Response(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), Map.of());
    }

    public Response post(String path, Object json) {
        return sendJson("POST", path, json, Map.of());
    }

    public Response put(String path, Object json, Map<String, String> headers) {
        return sendJson("PUT", path, json, headers);
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), Map.of());
    }

    public Response sendJson(String method, String path, Object json, Map<String, String> headers) {
        String body = json == null ? "" : json instanceof String s ? s : JSON.writeValueAsString(json);
        var builder = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        return send(builder, headers);
    }

    public Response send(HttpRequest.Builder builder, Map<String, String> headers) {
        defaults.forEach((k, v) -> {
            if (!headers.containsKey(k)) {
                builder.header(k, v);
            }
        });
        headers.forEach(builder::header);
        try {
            HttpResponse<String> r = client.send(builder.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One multipart part whose bytes are read from the file while sending. */
    public Response upload(String path, String field, Path file) {
        return upload(path, field, file.getFileName().toString(), () -> open(file));
    }

    /** One multipart part whose bytes come from {@code content}, read while sending. */
    public Response upload(String path, String field, String fileName, Supplier<InputStream> content) {
        String boundary = "lakou-" + UUID.randomUUID();
        Supplier<InputStream> body = () -> new SequenceInputStream(Collections.enumeration(List.of(
                utf8(partHeader(boundary, field, fileName)), content.get(), utf8("\r\n--" + boundary + "--\r\n"))));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(body)), Map.of());
    }

    /** Several parts under the same field name. */
    public Response uploadAll(String path, String field, List<Path> files) throws IOException {
        String boundary = "lakou-" + UUID.randomUUID();
        List<InputStream> parts = new ArrayList<>();
        for (Path f : files) {
            parts.add(utf8(partHeader(boundary, field, f.getFileName().toString())));
            parts.add(new ByteArrayInputStream(Files.readAllBytes(f)));
            parts.add(utf8("\r\n"));
        }
        parts.add(utf8("--" + boundary + "--\r\n"));
        byte[] all = new SequenceInputStream(Collections.enumeration(parts)).readAllBytes();
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(all)), Map.of());
    }

    /** The raw body of a GET, for downloads. */
    public byte[] bytes(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).GET();
        defaults.forEach(builder::header);
        try {
            return client.send(builder.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofByteArray())
                    .body();
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

    private static InputStream utf8(String s) {
        return new ByteArrayInputStream(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }
}
