package org.lakou;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser as far as the server can tell: cookies kept, a form login with the CSRF token read from
 * the login page, then requests carrying the session cookie (and the CSRF header when asked).
 */
public final class BrowserSession {

    private static final Pattern CSRF = Pattern.compile(
            "name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;

    private BrowserSession(String base) {
        this.base = base;
    }

    /** Logs in through the form; fails unless the server accepted the password. */
    public static BrowserSession login(String base, String email, String password) {
        BrowserSession s = new BrowserSession(base);
        String form = "username=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(s.csrf());
        TestHttp.Response r = s.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = r.header("Location");
        if (r.status() != 302 || location == null || location.contains("error")) {
            throw new IllegalStateException("form login failed for " + email + ": " + r.status() + " " + location);
        }
        return s;
    }

    /** A CSRF token valid for this session, read from the login page as a browser would. */
    public String csrf() {
        String page = get("/login").body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no _csrf field on the login page");
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    public TestHttp.Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A JSON request with the session cookie and whatever extra headers are given (CSRF, Authorization…). */
    public TestHttp.Response json(String method, String path, Object body, Map<String, String> headers) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(TestHttp.toJson(body)));
        headers.forEach(b::header);
        return send(b);
    }

    /** The same with this session's CSRF token in the X-CSRF-TOKEN header. */
    public TestHttp.Response jsonWithCsrf(String method, String path, Object body) {
        return json(method, path, body, Map.of("X-CSRF-TOKEN", csrf()));
    }

    private TestHttp.Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new TestHttp.Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
