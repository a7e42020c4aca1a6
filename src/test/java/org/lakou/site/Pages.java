package org.lakou.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for page tests: keeps cookies (session, language), asks for HTML,
 * does not follow redirects (tests look at them), and posts forms with the page's CSRF token.
 */
public final class Pages {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public Pages(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        headers.put("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    }

    /** Every request with HTTP Basic, as scripts do: no session, no CSRF needed. */
    public Pages basic(String user, String password) {
        headers.put("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public record Page(int status, String body, java.net.http.HttpHeaders headers) {
        public String location() {
            return headers.firstValue("Location").orElse(null);
        }

        public String csrf() {
            Matcher m = CSRF.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no CSRF field in the page");
            }
            return m.group(1);
        }
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), Map.of());
    }

    public Page get(String path, String accept) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), Map.of("Accept", accept));
    }

    /** Posts a form as htmx does: the same fields, with the {@code HX-Request} header. */
    public Page htmxPost(String path, Map<String, String> form, Page csrfFrom) {
        headers.put("HX-Request", "true");
        try {
            return post(path, form, csrfFrom);
        } finally {
            headers.remove("HX-Request");
        }
    }

    /** Posts a form; {@code csrfFrom} is a page of this session carrying the token ({@code null}: none). */
    public Page post(String path, Map<String, String> form, Page csrfFrom) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrfFrom != null) {
            fields.put("_csrf", csrfFrom.csrf());
        }
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** Posts one file as a multipart form, with the CSRF field of {@code csrfFrom} (a page of this session). */
    public Page postFile(String path, String field, String fileName, String contentType, byte[] content,
            Page csrfFrom) {
        String boundary = "lakou" + java.util.UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfFrom.csrf()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
    }

    /**
     * Posts files as a browser's {@code multipart/form-data} form does, each under {@code field},
     * with the page's CSRF token as a form field.
     */
    public Page postFiles(String path, String field, Map<String, byte[]> files, Page csrfFrom) {
        String boundary = "----lakou" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = t -> body.writeBytes(t.getBytes(StandardCharsets.UTF_8));
        if (csrfFrom != null) {
            text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                    + csrfFrom.csrf() + "\r\n");
        }
        files.forEach((name, bytes) -> {
            text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                    + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(bytes);
            text.accept("\r\n");
        });
        text.accept("--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
    }

    /** Logs in through the form, as a browser does. */
    public Page login(String email, String password) {
        Page form = get("/login");
        return post("/login", Map.of("username", email, "password", password), form);
    }

    private Page send(HttpRequest.Builder b, Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(extra);
        all.forEach(b::header);
        try {
            HttpResponse<String> r = client.send(b.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
