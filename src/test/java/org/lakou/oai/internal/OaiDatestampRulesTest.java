package org.lakou.oai.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lakou.oai.OaiXsd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lakou.oai.internal.InMemoryVocabulary.LIEN;
import static org.lakou.oai.internal.OaiHarness.START;
import static org.lakou.oai.internal.OaiHarness.all;
import static org.lakou.oai.internal.OaiHarness.errorCode;
import static org.lakou.oai.internal.OaiHarness.published;

/**
 * The datestamp rules over in-memory fakes: no response shows a datestamp later than its own
 * responseDate (whatever the clock did), records indexed in the same millisecond are all listed
 * across pages, and {@code from}/{@code until} equal to now (inclusive seconds) find what was
 * indexed during that second.
 */
class OaiDatestampRulesTest {

    private OaiHarness oai;

    @BeforeEach
    void harness() {
        OaiXsd.assumeAvailable();
        oai = new OaiHarness(10);
    }

    private String ok(String query) {
        String xml = oai.get(query);
        OaiXsd.validateWithMods(xml);
        assertThat(errorCode(xml)).as(query + "\n" + xml).isNull();
        return xml;
    }

    private static Instant responseDate(String xml) {
        return Instant.parse(all(xml, "<responseDate>([^<]+)</responseDate>").get(0));
    }

    @Test
    void identifyRightAfterTheFirstRecordNeverShowsAFutureEarliestDate() {
        oai.source.put(published("first", "Premier"));
        oai.clock.set(START.minusSeconds(5)); // the clock stepped back (NTP), or another node runs behind
        String xml = ok("verb=Identify");
        Instant earliest = Instant.parse(all(xml, "<earliestDatestamp>([^<]+)</earliestDatestamp>").get(0));
        assertThat(earliest).isBeforeOrEqualTo(responseDate(xml));
        String record = ok("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:villecaraibe.com:first");
        Instant datestamp = Instant.parse(all(record, "<datestamp>([^<]+)</datestamp>").get(0));
        assertThat(datestamp).isBeforeOrEqualTo(responseDate(record));
        // a list stops at its responseDate: the record waits until the clock reaches its datestamp
        assertThat(errorCode(oai.get("verb=ListIdentifiers&metadataPrefix=oai_dc"))).isEqualTo("noRecordsMatch");
        oai.clock.set(START.plusSeconds(1));
        assertThat(ok("verb=ListIdentifiers&metadataPrefix=oai_dc")).contains("oai:villecaraibe.com:first");
    }

    @Test
    void recordsSharingAMillisecondAreAllListedAcrossPages() {
        for (int i = 0; i < 35; i++) {
            oai.source.put(published(String.format("same%02d", i), "Même milliseconde " + i, LIEN));
        }
        oai.clock.advance(Duration.ofMillis(1));
        List<String> ids = new java.util.ArrayList<>();
        String xml = ok("verb=ListIdentifiers&metadataPrefix=oai_dc");
        while (true) {
            ids.addAll(all(xml, "<identifier>oai:villecaraibe.com:([^<]+)</identifier>"));
            String token = OaiHarness.token(xml);
            if (token == null) {
                break;
            }
            xml = ok("verb=ListIdentifiers&resumptionToken=" + token);
        }
        assertThat(ids).hasSize(35).doesNotHaveDuplicates();
    }

    @Test
    void fromAndUntilEqualToNowFindWhatThisSecondIndexed() {
        oai.clock.set(START.plusMillis(120));
        oai.source.put(published("now1", "Indexé à l'instant"));
        oai.clock.set(START.plusMillis(480));
        String now = START.truncatedTo(ChronoUnit.SECONDS).toString();
        String xml = ok("verb=ListIdentifiers&metadataPrefix=oai_dc&from=" + now + "&until=" + now);
        assertThat(xml).contains("oai:villecaraibe.com:now1").contains("from=\"" + now + "\"", "until=\"" + now + "\"");
        assertThat(ok("verb=ListRecords&metadataPrefix=oai_dc&until=" + now)).contains("oai:villecaraibe.com:now1");
        assertThat(ok("verb=ListRecords&metadataPrefix=oai_dc&from=" + now)).contains("oai:villecaraibe.com:now1");
        // the day form of today, too
        assertThat(ok("verb=ListIdentifiers&metadataPrefix=oai_dc&from=" + now.substring(0, 10) + "&until="
                + now.substring(0, 10))).contains("oai:villecaraibe.com:now1");
    }

    @Test
    void aResponseDateComesFromTheApplicationClock() {
        oai.clock.set(Instant.parse("2031-01-01T00:00:00Z")); // far from the system clock, either way
        oai.source.put(published("later", "Plus tard"));
        oai.clock.advance(Duration.ofSeconds(2));
        String xml = ok("verb=ListRecords&metadataPrefix=oai_dc&from=2031-01-01T00:00:00Z");
        assertThat(responseDate(xml)).isEqualTo(Instant.parse("2031-01-01T00:00:02Z"));
        assertThat(xml).contains("<datestamp>2031-01-01T00:00:00Z</datestamp>");
    }
}
