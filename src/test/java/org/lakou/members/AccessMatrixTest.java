package org.lakou.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every HTTP endpoint against every role. The endpoints are enumerated at run time from Spring's
 * request mappings (controllers, springdoc, actuator); one without an entry in {@link #TABLE}
 * fails the test, so a new endpoint cannot ship without deciding who may call it. Allowed roles
 * may get 400/404/405/409/415 (the bodies are dummies) but never 401 or 403.
 */
class AccessMatrixTest extends IntegrationTestBase {

    enum Min { PUBLIC, MEMBER, STAFF, ADMIN }

    static final Map<String, Min> TABLE = new LinkedHashMap<>();

    private static void allow(Min min, String... endpoints) {
        for (String e : endpoints) {
            if (TABLE.put(e, min) != null) {
                throw new IllegalStateException("twice in the table: " + e);
            }
        }
    }

    static {
        allow(Min.PUBLIC,
                "ANY /error",
                "GET /v3/api-docs", "GET /v3/api-docs.yaml", "GET /v3/api-docs/swagger-config",
                "GET /swagger-ui.html",
                "GET /actuator/health", "GET /actuator/health/**",
                "GET /api/records/{id}", "GET /api/search",
                "GET /api/records/{id}/files/{fileId}",
                "GET /oai", "POST /oai",
                "GET /thesaurus/concepts/{id}", "GET /thesaurus/schemes/{id}", "GET /thesaurus/sparql",
                "POST /thesaurus/sparql",
                "GET /api/thesaurus/concept", "GET /api/thesaurus/local/concepts", "GET /api/thesaurus/local/proposal",
                "GET /api/thesaurus/schemes", "GET /api/thesaurus/schemes/{id}", "GET /api/thesaurus/schemes/{id}/diff",
                "GET /api/thesaurus/schemes/{id}/top", "GET /api/thesaurus/schemes/{id}/versions",
                "GET /api/thesaurus/suggest",
                "GET /api/records/{id}/similar",
                "GET /feeds/nouveautes.atom",
                "GET /feeds/search.atom",
                "GET /feeds/concepts/{conceptId}.atom",
                "POST /api/members/password-reset", "POST /api/members/password-reset/confirm");
        allow(Min.MEMBER,
                "GET /api/members/me", "PUT /api/members/me/password", "GET /api/members/me/tokens",
                "POST /api/members/me/tokens", "DELETE /api/members/me/tokens/{tokenId}",
                "GET /api/loans/mine", "GET /api/loans/mine/history", "POST /api/loans/{barcode}/renew",
                "POST /api/holds", "GET /api/holds/mine", "DELETE /api/holds/{holdId}",
                "POST /api/requests", "GET /api/requests", "GET /api/requests/{id}",
                "GET /api/requests/{id}/files/{fileId}", "POST /api/requests/{id}/close",
                "POST /api/requests/{id}/holds",
                "GET /api/alerts", "POST /api/alerts", "GET /api/alerts/{id}", "PUT /api/alerts/{id}",
                "DELETE /api/alerts/{id}");
        allow(Min.STAFF,
                "GET /api/records", "POST /api/records", "PUT /api/records/{id}", "DELETE /api/records/{id}",
                "POST /api/records/{id}/publish", "POST /api/records/{id}/withdraw",
                "POST /api/records/{id}/copies", "PUT /api/records/{id}/copies/{barcode}",
                "DELETE /api/records/{id}/copies/{barcode}",
                "GET /api/members", "POST /api/members", "GET /api/members/{id}", "PUT /api/members/{id}",
                "PUT /api/members/{id}/status", "PUT /api/members/{id}/password",
                "POST /api/loans", "GET /api/loans", "POST /api/loans/return", "POST /api/loans/{barcode}/lost",
                "GET /api/loans/{barcode}", "GET /api/loans/overdue", "GET /api/loans/history",
                "GET /api/holds", "GET /api/policies",
                "POST /api/admin/reindex", "GET /api/admin/index",
                "POST /api/ingest", "POST /api/ingest/batch", "GET /api/ingest/jobs", "GET /api/ingest/jobs/{id}",
                "GET /api/ingest/quarantine", "GET /api/ingest/quarantine/{id}", "GET /api/ingest/quarantine/{id}/file",
                "GET /api/records/{id}/subject-suggestions", "POST /api/records/{id}/subject-suggestions",
                "POST /api/records/{id}/subject-suggestions/{decision}",
                "POST /api/thesaurus/imports", "POST /api/thesaurus/local/concepts",
                "POST /api/thesaurus/schemes/{id}/versions/{version}/apply",
                "GET /api/harvest/works/{recordId}", "GET /api/stats/downloads", "GET /api/stats/report",
                "GET /api/stats/report.csv",
                "POST /api/requests/{id}/accept", "POST /api/requests/{id}/refuse", "POST /api/requests/{id}/start",
                "PUT /api/requests/{id}/assignee", "POST /api/requests/{id}/actions",
                "POST /api/requests/{id}/files", "POST /api/requests/{id}/answer", "POST /api/requests/{id}/loans");
        allow(Min.ADMIN,
                "PUT /api/members/{id}/role", "GET /api/audit", "PUT /api/policies", "DELETE /api/policies",
                "GET /actuator", "GET /actuator/info",
                "GET /api/harvest/sources", "POST /api/harvest/sources", "GET /api/harvest/sources/{id}",
                "PUT /api/harvest/sources/{id}", "DELETE /api/harvest/sources/{id}", "GET /api/harvest/sources/{id}/runs",
                "POST /api/harvest/sources/{id}/run");
    }

    @Autowired
    ApplicationContext context;

    /** "METHOD /pattern" for every mapping of every handler mapping; ANY when no method is declared. */
    private Set<String> endpoints() {
        Set<String> out = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        out.add("ANY " + pattern);
                    }
                    methods.forEach(m -> out.add(m.name() + " " + pattern));
                }
            }
        }
        return out;
    }

    @Test
    void everyEndpointHasAnEntryAndEachRoleGetsWhatItShould() {
        Set<String> endpoints = endpoints();
        Set<String> missing = new TreeSet<>(endpoints);
        missing.removeAll(TABLE.keySet());
        assertThat(missing).as("endpoints without an entry in AccessMatrixTest.TABLE: decide who may call them")
                .isEmpty();
        Set<String> stale = new TreeSet<>(TABLE.keySet());
        stale.removeAll(endpoints);
        assertThat(stale).as("entries in AccessMatrixTest.TABLE for endpoints that no longer exist").isEmpty();

        Map<String, TestHttp> roles = new LinkedHashMap<>();
        roles.put("anonymous", anonymous());
        roles.put("member", member());
        roles.put("documentalist", documentalist());
        roles.put("admin", admin());
        List<String> wrong = new ArrayList<>();
        List<String> serverErrors = new ArrayList<>();
        for (var e : TABLE.entrySet()) {
            String method = e.getKey().substring(0, e.getKey().indexOf(' '));
            String path = concrete(e.getKey().substring(e.getKey().indexOf(' ') + 1));
            int rank = 0;
            for (var role : roles.entrySet()) {
                int status = call(role.getValue(), "ANY".equals(method) ? "GET" : method, path);
                boolean allowed = rank >= e.getValue().ordinal();
                int expectedDenial = rank == 0 ? 401 : 403;
                if (allowed && (status == 401 || status == 403)) {
                    wrong.add(e.getKey() + " as " + role.getKey() + ": " + status + ", expected access");
                } else if (!allowed && status != expectedDenial) {
                    wrong.add(e.getKey() + " as " + role.getKey() + ": " + status + ", expected " + expectedDenial);
                }
                if (status >= 500) {
                    serverErrors.add(e.getKey() + " as " + role.getKey() + ": " + status);
                }
                rank++;
            }
        }
        serverErrors.forEach(s -> System.out.println("AccessMatrixTest: server error on dummy input: " + s));
        assertThat(wrong).as("access matrix violations").isEmpty();
    }

    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{\\*?[^}]+}", "x").replace("/**", "/x");
    }

    private static int call(TestHttp http, String method, String path) {
        if (method.equals("GET") || method.equals("DELETE") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return http.send(java.net.http.HttpRequest.newBuilder(http.uri(path))
                    .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()), Map.of()).status();
        }
        return http.sendJson(method, path, "{}", Map.of()).status();
    }
}
