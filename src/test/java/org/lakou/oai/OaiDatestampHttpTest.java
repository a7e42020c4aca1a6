package org.lakou.oai;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.search.IndexFeed;
import org.lakou.search.SearchApi;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Datestamps and addresses on the real stack, with no waiting beyond the index commit: a record is
 * harvestable the moment it is indexed, never dated after the response that shows it, even when
 * thousands are indexed faster than one a millisecond; {@code from}/{@code until} equal to now
 * work; links name the address the request came to.
 */
class OaiDatestampHttpTest extends IntegrationTestBase {

    private static final Pattern DATESTAMP = Pattern.compile("<datestamp>([^<]+)</datestamp>");
    private static final Pattern RESPONSE_DATE = Pattern.compile("<responseDate>([^<]+)</responseDate>");
    private static final Pattern TOKEN = Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>");

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    SearchApi search;
    @Autowired
    IndexFeed feed;

    @BeforeAll
    static void schemas() {
        OaiXsd.assumeAvailable();
    }

    private Record publishAndIndex(String title, String collection) {
        Record r = catalogue.publish(catalogue.create(new RecordFields(title, null, List.of("Ville caraïbe"), null,
                "2012", "rapport", "fr", null, List.of(), List.of(), collection, null)).id());
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();
        return r;
    }

    private String oai(TestHttp http, String query, Map<String, String> headers) {
        TestHttp.Response r = http.send(HttpRequest.newBuilder(http.uri("/oai?" + query)), headers);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/xml");
        OaiXsd.validateWithMods(r.body());
        return r.body();
    }

    private String oai(String query) {
        return oai(anonymous(), query, Map.of());
    }

    private static Instant first(Pattern p, String xml) {
        Matcher m = p.matcher(xml);
        assertThat(m.find()).as(p + " in\n" + xml).isTrue();
        return Instant.parse(m.group(1));
    }

    /** Every datestamp of the page is at or before its responseDate; returns them. */
    private static List<Instant> datestampsNotAfterResponse(String xml) {
        Instant responseDate = first(RESPONSE_DATE, xml);
        List<Instant> out = new ArrayList<>();
        Matcher m = DATESTAMP.matcher(xml);
        while (m.find()) {
            out.add(Instant.parse(m.group(1)));
        }
        assertThat(out).allSatisfy(d -> assertThat(d).isBeforeOrEqualTo(responseDate));
        return out;
    }

    @Test
    void aRecordIsHarvestableTheMomentItIsIndexed() {
        Record r = publishAndIndex("Publié à l'instant", "Datestamps immédiats");
        String id = "oai:lakou.org:" + r.id();

        String identify = oai("verb=Identify");
        assertThat(first(Pattern.compile("<earliestDatestamp>([^<]+)</earliestDatestamp>"), identify))
                .isBeforeOrEqualTo(first(RESPONSE_DATE, identify));
        String record = oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + id);
        Instant datestamp = first(DATESTAMP, record);
        assertThat(datestamp).isBeforeOrEqualTo(first(RESPONSE_DATE, record));
        String list = oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection:datestamps-immediats");
        assertThat(list).contains(id);
        datestampsNotAfterResponse(list);

        // from and until equal to the record's second, and to now, are both accepted
        String second = datestamp.toString();
        assertThat(oai("verb=ListIdentifiers&metadataPrefix=oai_dc&from=" + second + "&until=" + second)).contains(id);
        String now = first(RESPONSE_DATE, oai("verb=Identify")).toString();
        String atNow = oai("verb=ListRecords&metadataPrefix=oai_dc&from=" + now + "&until=" + now);
        assertThat(atNow).satisfiesAnyOf(x -> assertThat(x).contains("noRecordsMatch"), x -> assertThat(x).contains("<record>"));
        datestampsNotAfterResponse(atNow);
        assertThat(oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection:datestamps-immediats&until=" + now))
                .contains(id);
    }

    @Test
    void bulkIndexingNeverDatesPastTheClock() {
        int n = 3_000;
        List<RecordFields> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(new RecordFields("Import en masse n°" + i, null, List.of("Ville caraïbe"), null, "2013", "rapport",
                    "fr", null, List.of(), List.of(), "Import en masse", null));
        }
        Set<String> expected = new HashSet<>();
        catalogue.importRecords(batch, true).forEach(r -> expected.add("oai:lakou.org:" + r.id()));
        assertThat(search.awaitIndexed(Duration.ofMinutes(5))).isTrue();
        // nothing in the feed lies ahead of the application's clock
        assertThat(feed.page(new IndexFeed.FeedQuery(clock.millis(), Long.MAX_VALUE, Map.of(), 1, List.of()))
                .numFound()).isZero();

        Set<String> harvested = new HashSet<>();
        String xml = oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection:import-en-masse");
        while (true) {
            datestampsNotAfterResponse(xml);
            Matcher m = Pattern.compile("<identifier>([^<]+)</identifier>").matcher(xml);
            while (m.find()) {
                harvested.add(m.group(1));
            }
            Matcher t = TOKEN.matcher(xml);
            if (!t.find()) {
                break;
            }
            xml = oai("verb=ListIdentifiers&resumptionToken=" + t.group(1));
        }
        assertThat(harvested).containsExactlyInAnyOrderElementsOf(expected);
        walkTheFeedInSmallPages(expected.size());
    }

    /**
     * Bulk indexing puts many documents in each millisecond, so pages of 7 start inside one: each
     * record comes exactly once, in (seq, id) order, and every page counts exactly what is left.
     */
    private void walkTheFeedInSmallPages(int total) {
        Map<String, java.util.Collection<String>> bulk = Map.of("collection", List.of("Import en masse"));
        long until = clock.millis() + 1;
        List<String> ids = new ArrayList<>();
        long afterSeq = -1;
        String afterId = null;
        boolean startedInsideAMillisecond = false;
        while (true) {
            IndexFeed.FeedPage page = feed.page(new IndexFeed.FeedQuery(afterSeq, afterId, until, bulk, 7, List.of()));
            if (page.documents().isEmpty()) {
                assertThat(page.numFound()).isZero();
                break;
            }
            assertThat(page.numFound()).as("left after " + ids.size()).isEqualTo(total - ids.size());
            startedInsideAMillisecond |= page.documents().get(0).seq() == afterSeq;
            for (IndexFeed.FeedDocument d : page.documents()) {
                assertThat(d.seq() > afterSeq || d.seq() == afterSeq && d.id().compareTo(afterId) > 0)
                        .as(d.id() + " after " + afterId).isTrue();
                ids.add(d.id());
                afterSeq = d.seq();
                afterId = d.id();
            }
        }
        assertThat(ids).hasSize(total).doesNotHaveDuplicates();
        assertThat(startedInsideAMillisecond).as("a page started inside a shared millisecond").isTrue();
    }

    @Test
    void linksNameTheAddressTheRequestCameTo() {
        Record r = publishAndIndex("Adresse de la requête", "Adresses");
        String get = "verb=GetRecord&metadataPrefix=mods&identifier=oai:lakou.org:" + r.id();

        String direct = "http://127.0.0.1:" + port;
        String xml = oai(new TestHttp(direct), get, Map.of());
        assertThat(xml).contains(">" + direct + "/oai</request>", ">" + direct + "/records/" + r.id() + "</url>")
                .doesNotContain("localhost:8080");
        String dc = oai(new TestHttp(direct), get.replace("mods", "oai_dc"), Map.of());
        assertThat(dc).contains("<dc:identifier>" + direct + "/records/" + r.id() + "</dc:identifier>");

        Map<String, String> proxy = Map.of("X-Forwarded-Host", "doc.partenaire.example.org", "X-Forwarded-Proto", "https");
        String proxied = oai(anonymous(), get, proxy);
        assertThat(proxied).contains(">https://doc.partenaire.example.org/oai</request>",
                ">https://doc.partenaire.example.org/records/" + r.id() + "</url>");
        assertThat(oai(anonymous(), "verb=Identify", proxy))
                .contains("<baseURL>https://doc.partenaire.example.org/oai</baseURL>");
        // resumption links follow the same address: the token is opaque, the request names the base
        String listed = oai(anonymous(), "verb=ListIdentifiers&metadataPrefix=oai_dc", proxy);
        Matcher t = TOKEN.matcher(listed);
        if (t.find()) {
            assertThat(oai(anonymous(), "verb=ListIdentifiers&resumptionToken=" + t.group(1), proxy))
                    .contains(">https://doc.partenaire.example.org/oai</request>");
        }
        assertThat(URI.create(direct).getPort()).isEqualTo(port);
    }
}
