package org.lakou.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.circulation.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import tools.jackson.databind.JsonNode;

/**
 * Every HTTP operation against every kind of caller, compared with one table. Operations come from
 * the OpenAPI document (/v3/api-docs) and from Spring's request mappings (pages, actuator and
 * anything hidden from OpenAPI); one without a row fails the test, so a new endpoint cannot ship
 * without stating who may call it. A row naming an operation that no longer exists fails too.
 *
 * <p>Columns, in order: anonymous, member (A), another member (B), documentalist, admin. Codes:
 * {@code ok} allowed (any answer but 401/403: the bodies are dummies, so 400/404/409 are fine);
 * {@code 2xx} allowed and successful; {@code 401}, {@code 403} exactly; {@code hide} 403 or 404.
 * On rows that members may call, ids of A's alerts, requests, holds, loans and tokens are real
 * (rows where B is {@code hide} must have such a fixture), so B is refused a resource that exists;
 * B always calls before anyone who could delete it.
 */
class AccessMatrixTest extends IntegrationTestBase {

    /** The table's rows: every file under {@code access-matrix/}, a part of the application each. */
    static final String TABLE = readTable();

    static final List<String> CALLERS = List.of("anonymous", "member", "other", "documentalist", "admin");
    static final String OTHER = "autre-adherent@lakou.test";
    static final String LKT = "https://w3id.org/lakou/thesaurus/thematique/";

    record Row(String key, String method, String path, List<String> expected) {
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    CatalogueApi catalogue;

    private static String readTable() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/test/resources/access-matrix"))) {
            StringBuilder all = new StringBuilder();
            for (var f : files.filter(x -> x.toString().endsWith(".txt")).sorted().toList()) {
                all.append(java.nio.file.Files.readString(f)).append('\n');
            }
            return all.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<String, Row> table() {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] t = line.strip().split("\\s+");
            if (t[0].isEmpty() || t[0].startsWith("#")) {
                continue;
            }
            if (t.length != 2 + CALLERS.size()) {
                throw new IllegalStateException("a row needs a method, a path and " + CALLERS.size() + " codes: " + line);
            }
            Row row = new Row(t[0] + " " + t[1], t[0], t[1], List.of(t).subList(2, t.length));
            if (rows.put(row.key(), row) != null) {
                throw new IllegalStateException("twice in the table: " + row.key());
            }
        }
        return rows;
    }

    /** "METHOD /pattern" for every mapping of every handler mapping; ANY when no method is declared. */
    private Set<String> mappedOperations() {
        Set<String> out = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String raw : info.getPatternValues()) {
                    String pattern = raw.replaceAll("\\{([^}:]+):[^}]*}", "{$1}"); // as OpenAPI writes it
                    if (methods.isEmpty()) {
                        out.add("ANY " + pattern);
                    }
                    methods.forEach(m -> out.add(m.name() + " " + pattern));
                }
            }
        }
        return out;
    }

    /** "METHOD /path" for every operation of the OpenAPI document. */
    private Set<String> documentedOperations() {
        TestHttp.Response docs = anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        Set<String> out = new TreeSet<>();
        for (var path : docs.json().get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(op.getKey())) {
                    out.add(op.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        return out;
    }

    @Test
    void everyOperationHasARowAndEveryCallerGetsWhatTheRowSays() {
        Map<String, Row> rows = table();
        Set<String> documented = documentedOperations();
        assertThat(documented).as("the OpenAPI document lists the API").contains("GET /api/records/{id}");
        Set<String> all = new TreeSet<>(mappedOperations());
        all.addAll(documented);
        Set<String> missing = new TreeSet<>(all);
        missing.removeAll(rows.keySet());
        assertThat(missing).as("operations without a row in src/test/resources/access-matrix/: state who may call them").isEmpty();
        Set<String> stale = new TreeSet<>(rows.keySet());
        stale.removeAll(all);
        assertThat(stale).as("rows in src/test/resources/access-matrix/ for operations that no longer exist").isEmpty();

        if (memberApi.findByEmail(OTHER).isEmpty()) {
            memberApi.create(new NewMember(OTHER, "Autre adhérent", null, MemberCategory.AUTRE, Role.MEMBER, PASSWORD));
        }
        OwnedByA owned = new OwnedByA(member(), documentalist(), new Fixtures(catalogue, memberApi), memberId(MEMBER));
        Map<String, TestHttp> callers = Map.of("anonymous", anonymous(), "member", member(),
                "other", anonymous().as(OTHER, PASSWORD), "documentalist", documentalist(), "admin", admin());
        // B before anyone who could delete A's resource; DELETE rows after every other row
        List<String> order = List.of("anonymous", "other", "member", "documentalist", "admin");
        List<Row> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparing((Row r) -> r.method().equals("DELETE")));
        List<String> wrong = new ArrayList<>();
        for (Row row : sorted) {
            boolean memberMayCall = !Set.of("401", "403").contains(row.expected().get(CALLERS.indexOf("member")));
            boolean ownerCheck = row.expected().get(CALLERS.indexOf("other")).equals("hide")
                    || memberMayCall && owned.covers(row.path());
            String path = ownerCheck ? owned.concrete(row.path()) : dummy(row.path());
            String method = row.method().equals("ANY") ? "GET" : row.method();
            for (String caller : order) {
                String expected = row.expected().get(CALLERS.indexOf(caller));
                TestHttp.Response r = call(callers.get(caller), method, path, owned.body(row.key()));
                if (!matches(expected, r.status())) {
                    wrong.add(row.key() + " as " + caller + " on " + path + ": " + r.status() + ", expected " + expected
                            + (r.status() >= 400 ? " " + abbreviate(r.body()) : ""));
                }
                if (r.status() >= 500) {
                    System.out.println("AccessMatrixTest: server error on dummy input: " + row.key() + " as " + caller);
                }
            }
        }
        assertThat(wrong).as("access matrix violations").isEmpty();
    }

    static boolean matches(String expected, int status) {
        return switch (expected) {
            case "ok" -> status != 401 && status != 403;
            case "2xx" -> status >= 200 && status < 300;
            case "hide" -> status == 403 || status == 404;
            default -> status == Integer.parseInt(expected);
        };
    }

    private static String dummy(String pattern) {
        return pattern.replaceAll("\\{\\*?[^}]+}", "x").replace("/**", "/x");
    }

    private static String abbreviate(String body) {
        return body == null || body.length() < 160 ? String.valueOf(body) : body.substring(0, 160) + "…";
    }

    private static TestHttp.Response call(TestHttp http, String method, String path, Object body) {
        if (method.equals("GET") || method.equals("DELETE") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return http.send(java.net.http.HttpRequest.newBuilder(http.uri(path))
                    .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()), Map.of());
        }
        return http.sendJson(method, path, body, Map.of());
    }
}
