package org.lakou.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lakou.TestHttp;
import org.lakou.catalogue.Record;
import org.lakou.circulation.Fixtures;

/**
 * For {@link AccessMatrixTest}: member A's real alert, request, token, hold and loan, and valid
 * bodies where validation would otherwise answer 400 before ownership is checked.
 */
final class OwnedByA {

    final Map<String, String> ids = new LinkedHashMap<>();
    final Map<String, Object> bodies;

    OwnedByA(TestHttp a, TestHttp desk, Fixtures fixtures, String memberA) {
        Map<String, Object> alert = Map.of("name", "Veille matrice",
                "concepts", List.of(AccessMatrixTest.LKT + "cohesion-sociale"), "frequency", "daily");
        ids.put("alerts", created(a.post("/api/alerts", alert)));
        ids.put("requests", created(a.post("/api/requests", Map.of("subject", "Matrice", "description",
                "Documents sur la médiation", "expected", List.of("documents")))));
        ids.put("tokens", created(a.post("/api/members/me/tokens", Map.of("name", "matrice"))));
        Record held = fixtures.record("rapport", 1);
        ids.put("holds", created(a.post("/api/holds", Map.of("recordId", held.id()))));
        // other tests move the shared clock weeks ahead, leaving A's earlier loans overdue, which
        // blocks a new checkout: the desk takes them back first
        for (var running : a.get("/api/loans/mine").json()) {
            desk.post("/api/loans/return", Map.of("barcode", running.get("barcode").asString()));
        }
        Record lent = fixtures.record("rapport", 1);
        String barcode = fixtures.barcodes(lent).get(0);
        TestHttp.Response loan = desk.post("/api/loans", Map.of("barcode", barcode, "memberId", memberA));
        assertThat(loan.status()).as(loan.body()).isEqualTo(201);
        ids.put("loans", barcode);
        ids.put("files", "x"); // no file attached: B is refused on A's request id before any file is looked up
        // the member space's pages name the same things in French
        ids.put("demandes", ids.get("requests"));
        ids.put("reservations", ids.get("holds"));
        ids.put("alertes", ids.get("alerts"));
        ids.put("jetons", ids.get("tokens"));
        ids.put("prets", ids.get("loans"));
        bodies = Map.of("PUT /api/alerts/{id}", alert, "POST /api/requests/{id}/holds",
                Map.of("recordId", held.id()));
    }

    private static String created(TestHttp.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    /** The path with A's ids: each variable takes the id of the collection named just before it. */
    String concrete(String pattern) {
        String[] segments = pattern.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].startsWith("{")) {
                String id = i == 1 ? null : ids.get(segments[i - 1]);
                if (id == null) {
                    throw new IllegalStateException("no fixture of member A for " + segments[i] + " in " + pattern
                            + ": add one to OwnedByA");
                }
                segments[i] = id;
            }
        }
        return String.join("/", segments);
    }

    /** Whether the path has ids and A has a thing for each of them. */
    boolean covers(String pattern) {
        String[] segments = pattern.split("/");
        boolean any = false;
        for (int i = 2; i < segments.length; i++) {
            if (segments[i].startsWith("{")) {
                any = true;
                if (!ids.containsKey(segments[i - 1])) {
                    return false;
                }
            }
        }
        return any;
    }

    Object body(String key) {
        return bodies.getOrDefault(key, "{}");
    }
}
