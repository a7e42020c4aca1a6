package org.lakou.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lakou.TestHttp;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Copy;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;

/**
 * A little activity for the dashboard tests to show: a record published under a theme of the
 * starter thesaurus (an acquisition), lent to the test member (a loan of an association), and a
 * documentation request naming a concept. Through the real APIs, so the report counts them.
 */
public final class StatsActivity {

    public static final String MEDIATION = "https://w3id.org/lakou/thesaurus/thematique/mediation-sociale";

    private StatsActivity() {
    }

    public static Record create(CatalogueApi catalogue, TestHttp desk, TestHttp member, String memberId) {
        String token = UUID.randomUUID().toString().substring(0, 8);
        Record r = catalogue.create(new RecordFields("Médiation sociale au quotidien " + token, null,
                List.of("Ville caraïbe"), null, "2026", "étude", "fr", null, List.of(MEDIATION), List.of(), null,
                AccessLevel.PUBLIC));
        catalogue.publish(r.id());
        catalogue.addCopy(r.id(), new Copy("ST-" + token, "360 MED", "Salle", null));
        TestHttp.Response loan = desk.post("/api/loans", Map.of("barcode", "ST-" + token, "memberId", memberId));
        assertThat(loan.status()).as(loan.body()).isEqualTo(201);
        TestHttp.Response request = member.post("/api/requests", Map.of("subject", "Médiation " + token,
                "description", "Des références sur la médiation sociale", "concepts", List.of(MEDIATION),
                "expected", List.of("references")));
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        return catalogue.get(r.id());
    }
}
