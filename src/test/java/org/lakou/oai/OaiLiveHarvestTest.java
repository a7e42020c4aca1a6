package org.lakou.oai;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.search.SearchApi;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property the datestamps are built for, on the real stack: a harvester that pages through a
 * list while records change, then asks again {@code from} the last responseDate it saw, ends up with
 * the final state of every record. Changes made mid-harvest either come later in the same list
 * (they move to its end) or in the next incremental one; none is lost, within one list a record
 * comes at most twice (before and after its change), and no datestamp is later than the
 * responseDate showing it. The application's clock runs ahead of the system clock here, by an hour
 * more than whatever earlier tests added (the order of tests does not matter): so any mix of the
 * system clock (XOAI's own) with the application's would show, and there is no wait to pass.
 */
class OaiLiveHarvestTest extends IntegrationTestBase {

    private static final Pattern HEADER = Pattern.compile(
            "<header( status=\"deleted\")?><identifier>oai:lakou.org:([^<]+)</identifier><datestamp>([^<]+)</datestamp>");
    private static final Pattern TOKEN = Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>");
    private static final Pattern RESPONSE_DATE = Pattern.compile("<responseDate>([^<]+)</responseDate>");
    private static final String SET = "collection:moisson-en-direct";

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    SearchApi search;
    @Autowired
    org.lakou.search.IndexFeed feed;

    @Test
    void lastResponseDateAsNextFromMissesNothing() throws Exception {
        clock.advance(Duration.ofHours(1));
        TestHttp http = admin();
        List<Record> mine = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            mine.add(publish("Fiche d'expérience n°" + i));
        }
        OaiTestSupport.awaitOai(search, feed, clock);

        Map<String, List<Boolean>> seen = new HashMap<>();
        Set<String> expectedDeleted = new HashSet<>();
        String xml = http.get("/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&set=" + SET).body();
        String lastResponseDate = null;
        int page = 0;
        while (true) {
            lastResponseDate = first(RESPONSE_DATE, xml);
            collect(xml, seen);
            String token = first(TOKEN, xml);
            if (page++ == 0) { // mid-harvest: edit records on both sides of the cursor, add, delete
                for (int k : new int[] {3, 50, 110, 130, 150}) {
                    Record r = catalogue.get(mine.get(k).id());
                    catalogue.update(r.id(), r.version(), new RecordFields(r.title() + " (révisée)", null, r.creators(),
                            r.publisher(), r.date(), r.type(), r.language(), r.summary(), r.subjects(), r.territories(),
                            r.collection(), null));
                }
                mine.add(publish("Ajoutée pendant la moisson"));
                catalogue.delete(mine.get(140).id());
                expectedDeleted.add(mine.get(140).id());
                assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue(); // indexed, but no wait
            }
            if (token == null) {
                break;
            }
            xml = http.get("/oai?verb=ListIdentifiers&resumptionToken=" + token).body();
        }
        seen.values().forEach(d -> assertThat(d).hasSizeBetween(1, 2));

        OaiTestSupport.awaitOai(search, feed, clock); // the harvester's next run, once the changes are indexed
        String next = http.get("/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&set=" + SET + "&from=" + lastResponseDate)
                .body();
        while (true) {
            collect(next, seen);
            String token = first(TOKEN, next);
            if (token == null) {
                break;
            }
            next = http.get("/oai?verb=ListIdentifiers&resumptionToken=" + token).body();
        }
        for (Record r : mine) {
            assertThat(seen).as("record %s missed", r.id()).containsKey(r.id());
            List<Boolean> d = seen.get(r.id());
            assertThat(d.get(d.size() - 1)).as("final state of %s", r.id()).isEqualTo(expectedDeleted.contains(r.id()));
        }
        // responseDates come from the application's clock, an hour and more ahead of the system's
        assertThat(Instant.parse(lastResponseDate)).isBeforeOrEqualTo(clock.instant())
                .isAfter(Instant.now().plus(Duration.ofMinutes(50)));
    }

    private Record publish(String title) {
        return catalogue.publish(catalogue.create(new RecordFields(title, null, List.of("Ville caraïbe"), null, "2011",
                "fiche d'expérience", "fr", null, List.of(), List.of(), "Moisson en direct", null)).id());
    }

    private static void collect(String xml, Map<String, List<Boolean>> seen) {
        Instant responseDate = Instant.parse(first(RESPONSE_DATE, xml));
        Matcher m = HEADER.matcher(xml);
        while (m.find()) {
            seen.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(m.group(1) != null);
            assertThat(Instant.parse(m.group(3))).as("datestamp of %s", m.group(2)).isBeforeOrEqualTo(responseDate);
        }
    }

    private static String first(Pattern p, String xml) {
        Matcher m = p.matcher(xml);
        return m.find() ? m.group(1) : null;
    }
}
