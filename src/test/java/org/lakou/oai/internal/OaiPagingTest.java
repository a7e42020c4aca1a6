package org.lakou.oai.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lakou.oai.internal.InMemoryVocabulary.LIEN;
import static org.lakou.oai.internal.OaiHarness.token;

/**
 * Harvesting 1,050 records by tokens, 100 a page, while records are changed, added and deleted
 * between pages. The rule that holds (keyset paging on a seq that only grows):
 * <ul>
 * <li>nothing is missed: every record existing at the end is delivered, and the last delivery of
 * each carries its final state;</li>
 * <li>nothing is duplicated: a record comes twice only when it changed after its first delivery,
 * and then with a newer datestamp; a record changed before the harvest reached it comes once.</li>
 * </ul>
 */
class OaiPagingTest {

    private static final Pattern HEADER = Pattern.compile(
            "<header( status=\"deleted\")?><identifier>oai:villecaraibe.com:([^<]+)</identifier><datestamp>([^<]+)<");

    @Test
    void everyRecordExactlyOnceWhileRecordsChange() {
        OaiHarness oai = new OaiHarness(100);
        Map<String, Record> live = new LinkedHashMap<>();
        for (int i = 0; i < 1050; i++) {
            Record r = OaiHarness.published(String.format("r%04d", i), "Contrat de ville n°" + i, LIEN);
            live.put(r.id(), r);
            oai.source.put(r);
            if (i % 10 == 0) {
                oai.clock.advance(Duration.ofMillis(7));
            }
        }
        oai.clock.advance(Duration.ofSeconds(2));

        Map<String, List<Boolean>> delivered = new HashMap<>(); // id -> deleted flag per delivery
        Set<String> changedAfterDelivery = new HashSet<>();
        Set<String> changedBeforeDelivery = new HashSet<>();
        String xml = oai.get("verb=ListIdentifiers&metadataPrefix=oai_dc");
        int page = 0;
        int extra = 0;
        while (true) {
            page++;
            Matcher m = HEADER.matcher(xml);
            int onPage = 0;
            while (m.find()) {
                delivered.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(m.group(1) != null);
                onPage++;
            }
            assertThat(onPage).as("page %d", page).isBetween(1, 100);
            String token = token(xml);
            if (token == null) {
                break;
            }
            if (page % 3 == 1) { // between pages: edit both sides of the cursor, add and delete
                int base = page * 100;
                for (int k = 0; k < 5; k++) {
                    String seen = String.format("r%04d", base - 50 + k);
                    String ahead = String.format("r%04d", Math.min(1049, base + 200 + k));
                    oai.source.put(live.get(seen));
                    changedAfterDelivery.add(seen);
                    if (!delivered.containsKey(ahead)) {
                        oai.source.put(live.get(ahead));
                        changedBeforeDelivery.add(ahead);
                    }
                }
                Record added = OaiHarness.published("new" + extra++, "Ajout pendant la moisson", LIEN);
                live.put(added.id(), added);
                oai.source.put(added);
                String doomed = String.format("r%04d", Math.min(1049, base + 300));
                Record gone = OaiHarness.record(doomed, "Supprimé", List.of(LIEN), "rapport", true,
                        RecordStatus.PUBLISHED, OaiHarness.START);
                live.put(doomed, gone);
                oai.source.put(gone);
                changedBeforeDelivery.add(doomed);
            }
            oai.clock.advance(Duration.ofSeconds(1));
            xml = oai.get("verb=ListIdentifiers&resumptionToken=" + token);
        }

        assertThat(delivered.keySet()).containsAll(live.keySet());
        for (var e : delivered.entrySet()) {
            List<Boolean> deliveries = e.getValue();
            boolean finalDeleted = live.get(e.getKey()).deleted();
            assertThat(deliveries.get(deliveries.size() - 1)).as("final state of %s", e.getKey()).isEqualTo(finalDeleted);
            if (changedAfterDelivery.contains(e.getKey())) {
                assertThat(deliveries).as("%s changed after delivery", e.getKey()).hasSize(2);
            } else {
                assertThat(deliveries).as("%s delivered once", e.getKey()).hasSize(1);
            }
        }
        assertThat(changedBeforeDelivery).isNotEmpty().allSatisfy(id -> assertThat(delivered.get(id)).hasSize(1));
        assertThat(page).isBetween(11, 13);
    }
}
