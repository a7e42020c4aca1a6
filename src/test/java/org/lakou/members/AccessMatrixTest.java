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

    /** One row per line: METHOD path, then anonymous member other documentalist admin. */
    static final String TABLE = """
            ANY    /error                                                  ok   ok   ok   ok   ok
            GET    /v3/api-docs                                            ok   ok   ok   ok   ok
            GET    /v3/api-docs.yaml                                       ok   ok   ok   ok   ok
            GET    /v3/api-docs/swagger-config                             ok   ok   ok   ok   ok
            GET    /swagger-ui.html                                        ok   ok   ok   ok   ok
            GET    /actuator/health                                        ok   ok   ok   ok   ok
            GET    /actuator/health/**                                     ok   ok   ok   ok   ok
            GET    /actuator                                               401  403  403  403  ok
            GET    /actuator/info                                          401  403  403  403  ok
            GET    /actuator/metrics                                       401  403  403  403  ok
            GET    /actuator/metrics/{requiredMetricName}                  401  403  403  403  ok
            GET    /oai                                                    ok   ok   ok   ok   ok
            POST   /oai                                                    ok   ok   ok   ok   ok
            # catalogue, search, files
            GET    /api/search                                             ok   ok   ok   ok   ok
            GET    /api/records/{id}/similar                               ok   ok   ok   ok   ok
            GET    /feeds/nouveautes.atom                                  ok   ok   ok   ok   ok
            GET    /feeds/search.atom                                      ok   ok   ok   ok   ok
            GET    /feeds/concepts/{conceptId}.atom                        ok   ok   ok   ok   ok
            GET    /api/records                                            401  403  403  ok   ok
            POST   /api/records                                            401  403  403  ok   ok
            GET    /api/records/{id}                                       ok   ok   ok   ok   ok
            PUT    /api/records/{id}                                       401  403  403  ok   ok
            DELETE /api/records/{id}                                       401  403  403  ok   ok
            POST   /api/records/{id}/publish                               401  403  403  ok   ok
            POST   /api/records/{id}/withdraw                              401  403  403  ok   ok
            POST   /api/records/{id}/copies                                401  403  403  ok   ok
            PUT    /api/records/{id}/copies/{barcode}                      401  403  403  ok   ok
            DELETE /api/records/{id}/copies/{barcode}                      401  403  403  ok   ok
            GET    /api/records/{id}/files/{fileId}                        ok   ok   ok   ok   ok
            GET    /api/records/{id}/subject-suggestions                   401  403  403  ok   ok
            POST   /api/records/{id}/subject-suggestions                   401  403  403  ok   ok
            POST   /api/records/{id}/subject-suggestions/{decision}        401  403  403  ok   ok
            POST   /api/admin/reindex                                      401  403  403  ok   ok
            GET    /api/admin/index                                        401  403  403  ok   ok
            POST   /api/ingest                                             401  403  403  ok   ok
            POST   /api/ingest/batch                                       401  403  403  ok   ok
            GET    /api/ingest/jobs                                        401  403  403  ok   ok
            GET    /api/ingest/jobs/{id}                                   401  403  403  ok   ok
            GET    /api/ingest/quarantine                                  401  403  403  ok   ok
            GET    /api/ingest/quarantine/{id}                             401  403  403  ok   ok
            GET    /api/ingest/quarantine/{id}/file                        401  403  403  ok   ok
            GET    /api/stats/downloads                                    401  403  403  ok   ok
            GET    /api/stats/report                                       401  403  403  ok   ok
            GET    /api/stats/report.csv                                   401  403  403  ok   ok
            # thesaurus
            GET    /thesaurus/concepts/{id}                                ok   ok   ok   ok   ok
            GET    /thesaurus/schemes/{id}                                 ok   ok   ok   ok   ok
            GET    /thesaurus/sparql                                       ok   ok   ok   ok   ok
            POST   /thesaurus/sparql                                       ok   ok   ok   ok   ok
            GET    /api/thesaurus/concept                                  ok   ok   ok   ok   ok
            GET    /api/thesaurus/local/concepts                           ok   ok   ok   ok   ok
            POST   /api/thesaurus/local/concepts                           401  403  403  ok   ok
            GET    /api/thesaurus/local/proposal                           ok   ok   ok   ok   ok
            GET    /api/thesaurus/schemes                                  ok   ok   ok   ok   ok
            GET    /api/thesaurus/schemes/{id}                             ok   ok   ok   ok   ok
            GET    /api/thesaurus/schemes/{id}/diff                        ok   ok   ok   ok   ok
            GET    /api/thesaurus/schemes/{id}/top                         ok   ok   ok   ok   ok
            GET    /api/thesaurus/schemes/{id}/versions                    ok   ok   ok   ok   ok
            POST   /api/thesaurus/schemes/{id}/versions/{version}/apply    401  403  403  ok   ok
            GET    /api/thesaurus/suggest                                  ok   ok   ok   ok   ok
            POST   /api/thesaurus/imports                                  401  403  403  ok   ok
            # members, accounts, audit
            POST   /api/members/password-reset                             ok   ok   ok   ok   ok
            POST   /api/members/password-reset/confirm                     ok   ok   ok   ok   ok
            GET    /api/members/me                                         401  2xx  2xx  2xx  2xx
            PUT    /api/members/me/password                                401  ok   ok   ok   ok
            GET    /api/members/me/tokens                                  401  2xx  2xx  2xx  2xx
            POST   /api/members/me/tokens                                  401  ok   ok   ok   ok
            DELETE /api/members/me/tokens/{tokenId}                        401  ok   hide ok   ok
            GET    /api/members                                            401  403  403  ok   ok
            POST   /api/members                                            401  403  403  ok   ok
            GET    /api/members/{id}                                       401  403  403  ok   ok
            PUT    /api/members/{id}                                       401  403  403  ok   ok
            PUT    /api/members/{id}/status                                401  403  403  ok   ok
            PUT    /api/members/{id}/password                              401  403  403  ok   ok
            PUT    /api/members/{id}/role                                  401  403  403  403  ok
            GET    /api/audit                                              401  403  403  403  ok
            # circulation
            GET    /api/loans/mine                                         401  2xx  2xx  2xx  2xx
            GET    /api/loans/mine/history                                 401  2xx  2xx  2xx  2xx
            POST   /api/loans/{barcode}/renew                              401  ok   hide ok   ok
            POST   /api/loans                                              401  403  403  ok   ok
            GET    /api/loans                                              401  403  403  ok   ok
            POST   /api/loans/return                                       401  403  403  ok   ok
            POST   /api/loans/{barcode}/lost                               401  403  403  ok   ok
            GET    /api/loans/{barcode}                                    401  403  403  ok   ok
            GET    /api/loans/overdue                                      401  403  403  ok   ok
            GET    /api/loans/history                                      401  403  403  ok   ok
            POST   /api/holds                                              401  ok   ok   ok   ok
            GET    /api/holds/mine                                         401  2xx  2xx  2xx  2xx
            DELETE /api/holds/{holdId}                                     401  ok   hide ok   ok
            GET    /api/holds                                              401  403  403  ok   ok
            GET    /api/policies                                           401  403  403  ok   ok
            PUT    /api/policies                                           401  403  403  403  ok
            DELETE /api/policies                                           401  403  403  403  ok
            # documentation requests
            POST   /api/requests                                           401  ok   ok   ok   ok
            GET    /api/requests                                           401  2xx  2xx  2xx  2xx
            GET    /api/requests/{id}                                      401  2xx  hide 2xx  2xx
            GET    /api/requests/{id}/files/{fileId}                       401  ok   hide ok   ok
            POST   /api/requests/{id}/close                                401  ok   hide ok   ok
            POST   /api/requests/{id}/holds                                401  ok   hide ok   ok
            POST   /api/requests/{id}/accept                               401  403  403  ok   ok
            POST   /api/requests/{id}/refuse                               401  403  403  ok   ok
            POST   /api/requests/{id}/start                                401  403  403  ok   ok
            PUT    /api/requests/{id}/assignee                             401  403  403  ok   ok
            POST   /api/requests/{id}/actions                              401  403  403  ok   ok
            POST   /api/requests/{id}/files                                401  403  403  ok   ok
            POST   /api/requests/{id}/answer                               401  403  403  ok   ok
            POST   /api/requests/{id}/loans                                401  403  403  ok   ok
            # alerts
            GET    /api/alerts                                             401  2xx  2xx  2xx  2xx
            POST   /api/alerts                                             401  ok   ok   ok   ok
            GET    /api/alerts/{id}                                        401  2xx  hide ok   ok
            PUT    /api/alerts/{id}                                        401  ok   hide ok   ok
            DELETE /api/alerts/{id}                                        401  ok   hide ok   ok
            # harvesting
            GET    /api/harvest/works/{recordId}                           401  403  403  ok   ok
            GET    /api/harvest/sources                                    401  403  403  403  ok
            POST   /api/harvest/sources                                    401  403  403  403  ok
            GET    /api/harvest/sources/{id}                               401  403  403  403  ok
            PUT    /api/harvest/sources/{id}                               401  403  403  403  ok
            DELETE /api/harvest/sources/{id}                               401  403  403  403  ok
            GET    /api/harvest/sources/{id}/runs                          401  403  403  403  ok
            POST   /api/harvest/sources/{id}/run                           401  403  403  403  ok
            # web pages: the public catalogue, the thesaurus browser, login and forgotten password
            GET    /                                                       ok   ok   ok   ok   ok
            GET    /recherche                                              ok   ok   ok   ok   ok
            GET    /recherche/apercu                                       ok   ok   ok   ok   ok
            GET    /records/{id}                                           ok   ok   ok   ok   ok
            GET    /records/{id}/citation.bib                              ok   ok   ok   ok   ok
            GET    /records/{id}/citation.ris                              ok   ok   ok   ok   ok
            GET    /thesaurus                                              ok   ok   ok   ok   ok
            GET    /thesaurus/branche                                      ok   ok   ok   ok   ok
            GET    /thesaurus/concept                                      ok   ok   ok   ok   ok
            GET    /thesaurus/suggestions                                  ok   ok   ok   ok   ok
            GET    /login                                                  ok   ok   ok   ok   ok
            GET    /login/bloque                                           ok   ok   ok   ok   ok
            POST   /login/bloque                                           ok   ok   ok   ok   ok
            GET    /mot-de-passe                                           ok   ok   ok   ok   ok
            POST   /mot-de-passe                                           ok   ok   ok   ok   ok
            GET    /mot-de-passe/code                                      ok   ok   ok   ok   ok
            POST   /mot-de-passe/code                                      ok   ok   ok   ok   ok
            # web pages: the member space (B is refused A's request, hold, loan, alert and token pages)
            GET    /compte                                                 401  2xx  2xx  2xx  2xx
            POST   /compte/mot-de-passe                                    401  ok   ok   ok   ok
            POST   /compte/jetons                                          401  ok   ok   ok   ok
            POST   /compte/jetons/{tokenId}/revoquer                       401  ok   hide ok   ok
            GET    /compte/prets                                           401  2xx  2xx  2xx  2xx
            POST   /compte/prets/{barcode}/prolonger                       401  ok   hide ok   ok
            GET    /compte/reservations                                    401  2xx  2xx  2xx  2xx
            GET    /compte/reservations/nouvelle                           401  ok   ok   ok   ok
            POST   /compte/reservations                                    401  ok   ok   ok   ok
            POST   /compte/reservations/{holdId}/annuler                   401  ok   hide ok   ok
            GET    /compte/demandes                                        401  2xx  2xx  2xx  2xx
            GET    /compte/demandes/nouvelle                               401  ok   ok   ok   ok
            POST   /compte/demandes                                        401  ok   ok   ok   ok
            GET    /compte/demandes/{id}                                   401  2xx  hide ok   ok
            POST   /compte/demandes/{id}/cloturer                          401  ok   hide ok   ok
            GET    /compte/alertes                                         401  2xx  2xx  2xx  2xx
            GET    /compte/alertes/nouvelle                                401  ok   ok   ok   ok
            POST   /compte/alertes                                         401  ok   ok   ok   ok
            POST   /compte/alertes/{id}/frequence                          401  ok   hide ok   ok
            POST   /compte/alertes/{id}/pause                              401  ok   hide ok   ok
            POST   /compte/alertes/{id}/supprimer                          401  ok   hide ok   ok
            """;

    static final List<String> CALLERS = List.of("anonymous", "member", "other", "documentalist", "admin");
    static final String OTHER = "autre-adherent@lakou.test";
    static final String LKT = "https://w3id.org/lakou/thesaurus/thematique/";

    record Row(String key, String method, String path, List<String> expected) {
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    CatalogueApi catalogue;

    static Map<String, Row> table() {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] t = line.strip().split("\\s+");
            if (t[0].startsWith("#")) {
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
        assertThat(missing).as("operations without a row in AccessMatrixTest.TABLE: state who may call them").isEmpty();
        Set<String> stale = new TreeSet<>(rows.keySet());
        stale.removeAll(all);
        assertThat(stale).as("rows in AccessMatrixTest.TABLE for operations that no longer exist").isEmpty();

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
