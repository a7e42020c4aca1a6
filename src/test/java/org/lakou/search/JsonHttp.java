package org.lakou.search;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny JSON-over-HTTP client for the tests: the real wire format, not Java objects. */
final class JsonHttp {

    record Response(int status, String contentType, JsonNode body) {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String authorization;

    JsonHttp(String baseUrl) {
        this(baseUrl, null);
    }

    private JsonHttp(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** The same client, authenticated with HTTP Basic (staff endpoints such as /api/admin/reindex). */
    JsonHttp as(String user, String password) {
        return new JsonHttp(baseUrl, "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code params} alternate names and values: {@code get("/api/search", "q", "x", "size", "5")}. */
    Response get(String path, String... params) {
        return send(HttpRequest.newBuilder(uri(path, params)).GET());
    }

    Response post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** POSTs {@code body} as JSON; fails on anything but 2xx. */
    JsonNode postJson(String path, Object body) {
        Response r = postJsonResponse(path, body);
        if (r.status() / 100 != 2) {
            throw new AssertionError("POST " + path + " answered " + r.status() + ": " + r.body());
        }
        return r.body();
    }

    Response postJsonResponse(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** The search answer's hit ids, in order; fails on anything but 200. */
    List<String> ids(String... params) {
        Response r = get("/api/search", params);
        if (r.status() != 200) {
            throw new AssertionError("search answered " + r.status() + ": " + r.body());
        }
        List<String> ids = new ArrayList<>();
        r.body().get("hits").forEach(h -> ids.add(h.get("id").asString()));
        return ids;
    }

    /** A facet as value → count, in the order Solr returned it. */
    static Map<String, Long> facet(JsonNode searchBody, String name) {
        Map<String, Long> out = new LinkedHashMap<>();
        searchBody.get("facets").get(name).forEach(v -> out.put(v.get("value").asString(), v.get("count").asLong()));
        return out;
    }

    private URI uri(String path, String... params) {
        StringBuilder sb = new StringBuilder(baseUrl).append(path);
        for (int i = 0; i + 1 < params.length; i += 2) {
            sb.append(i == 0 ? '?' : '&').append(params[i]).append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return URI.create(sb.toString());
    }

    private Response send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> rsp = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String type = rsp.headers().firstValue("Content-Type").orElse("");
            JsonNode body = rsp.body().isEmpty() ? JSON.getNodeFactory().nullNode() : JSON.readTree(rsp.body());
            return new Response(rsp.statusCode(), type, body);
        } catch (IOException e) {
            throw new AssertionError("HTTP request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
