package org.lakou.oai;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
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
 * The provider over HTTP on the real stack (Mongo, outbox, Solr, thesaurus): every verb validates
 * against the schemas, POST works like GET, and a set on a broad concept holds the records indexed
 * only with its narrower concepts.
 */
class OaiHttpTest extends IntegrationTestBase {

    static final String THEME = "https://w3id.org/lakou/thesaurus/thematique/";
    static final String TERR = "https://w3id.org/lakou/thesaurus/territoires/";

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    SearchApi search;
    @Autowired
    org.lakou.search.IndexFeed feed;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    private static Record lienSocial;
    private static Record deleted;

    @BeforeAll
    static void none() {
        OaiXsd.assumeAvailable();
    }

    private synchronized void fixtures() {
        if (lienSocial != null) {
            return;
        }
        lienSocial = publish(new RecordFields("Le lien social dans les quartiers de Fort-de-France", null,
                List.of("Ville caraïbe"), "Centre de ressources Ville caraïbe", "2010", "rapport", "fr",
                "Activité 2010 du centre de ressources.", List.of(THEME + "lien-social"),
                List.of(TERR + "fort-de-france"), "Rapports d'activité", null));
        Record doomed = publish(new RecordFields("Note supprimée", null, List.of(), null, "2009", "étude", "fr", null,
                List.of(THEME + "lien-social"), List.of(), null, null));
        deleted = catalogue.delete(doomed.id());
        awaitOai();
    }

    Record publish(RecordFields fields) {
        return catalogue.publish(catalogue.create(fields).id());
    }

    /** Indexed, and past the datestamp delay so lists (clamped to now) include the changes. */
    void awaitOai() {
        OaiTestSupport.awaitOai(search, feed, clock);
    }

    String oai(String query) {
        TestHttp.Response r = new TestHttp(baseUrl()).get("/oai?" + query);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/xml");
        OaiXsd.validateWithMods(r.body());
        return r.body();
    }

    @Test
    void everyVerbValidatesOverHttp() {
        fixtures();
        String id = "oai:lakou.org:" + lienSocial.id();
        assertThat(oai("verb=Identify")).contains("<deletedRecord>persistent</deletedRecord>");
        assertThat(oai("verb=ListMetadataFormats&identifier=" + id)).contains("mods");
        assertThat(allSets()).contains("subject:cohesion-sociale:lien-social", "collection:rapports-d-activite",
                "subject:outre-mer:antilles-guyane:martinique:fort-de-france");
        assertThat(oai("verb=GetRecord&metadataPrefix=mods&identifier=" + id))
                .contains("valueURI=\"" + THEME + "lien-social\"", "<topic>lien social</topic>");
        assertThat(oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:lakou.org:" + deleted.id()))
                .contains("status=\"deleted\"");
        assertThat(harvest("verb=ListRecords&metadataPrefix=oai_dc")).contains(id);
        assertThat(harvest("verb=ListIdentifiers&metadataPrefix=mods")).contains(id);
        assertThat(oai("verb=ListRecords&metadataPrefix=oai_dc&from=2000-01-01&until=2000-01-02"))
                .contains("noRecordsMatch");
    }

    @Test
    void postFormWorksLikeGet() {
        fixtures();
        var r = new TestHttp(baseUrl()).send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oai"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai%3Alakou.org%3A"
                        + lienSocial.id())), Map.of());
        assertThat(r.status()).isEqualTo(200);
        OaiXsd.validate(r.body());
        assertThat(r.body()).contains("<dc:subject>" + THEME + "lien-social</dc:subject>");
    }

    @Test
    void aBroadConceptSetHoldsRecordsIndexedWithNarrowerConcepts() {
        fixtures();
        assertThat(harvest("verb=ListIdentifiers&metadataPrefix=oai_dc&set=subject:cohesion-sociale"))
                .contains("oai:lakou.org:" + lienSocial.id(), "oai:lakou.org:" + deleted.id());
        assertThat(harvest("verb=ListIdentifiers&metadataPrefix=oai_dc&set=subject:outre-mer"))
                .contains("oai:lakou.org:" + lienSocial.id());
    }

    @Test
    void aSetReportsARecordThatLeftItAsDeleted() {
        fixtures();
        RecordFields before = new RecordFields("Diagnostic de territoire à Trinité", null, List.of(), null, "2011",
                "étude", "fr", null, List.of(THEME + "lien-social"), List.of(), "Fonds sortant", null);
        Record r = publish(before);
        String id = "oai:lakou.org:" + r.id();
        awaitOai();
        assertThat(oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection:fonds-sortant")).contains(id)
                .doesNotContain("status=\"deleted\"");

        Record moved = catalogue.update(r.id(), r.version(), new RecordFields(before.title(), null, List.of(), null,
                "2011", "étude", "fr", null, List.of(THEME + "lien-social"), List.of(), "Fonds entrant", null));
        awaitOai();

        // the set it left answers for it as a deletion, in both lists and without metadata
        assertThat(deletedIn(oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection:fonds-sortant"), id))
                .isTrue();
        String left = oai("verb=ListRecords&metadataPrefix=mods&set=collection:fonds-sortant");
        assertThat(deletedIn(left, id)).isTrue();
        assertThat(left).doesNotContain("Trinité");
        // everywhere else it is the same record as before, now in its new collection
        assertThat(deletedIn(oai("verb=ListRecords&metadataPrefix=oai_dc&set=collection:fonds-entrant"), id))
                .isFalse();
        String record = oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + id);
        assertThat(record).contains("<setSpec>collection:fonds-entrant</setSpec>", "Trinité")
                .doesNotContain("status=\"deleted\"", "fonds-sortant");
        assertThat(deletedIn(oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=subject:cohesion-sociale"), id))
                .isFalse();
        assertThat(allSets()).noneMatch(spec -> spec.contains("#"));

        // the memory of the sets is in MongoDB, so indexing the record again (a reindex) keeps it
        assertThat(mongo.findById(r.id(), org.bson.Document.class, "oai_set_history").getList("sets", String.class))
                .contains("collection:fonds-sortant", "collection:fonds-entrant", "subject:cohesion-sociale");
        assertThat(catalogue.requeue(List.of(r.id()))).isEqualTo(1);
        awaitOai();
        assertThat(deletedIn(oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection:fonds-sortant"), id))
                .isTrue();
        assertThat(moved.version()).isGreaterThan(r.version());
    }

    /** Whether the list holds a deleted header for this identifier (and not merely the identifier). */
    static boolean deletedIn(String xml, String identifier) {
        Matcher m = Pattern.compile("<header( status=\"deleted\")?>\\s*<identifier>" + Pattern.quote(identifier)
                + "</identifier>").matcher(xml);
        assertThat(m.find()).as(identifier + " in the list").isTrue();
        return m.group(1) != null;
    }

    /** Every set spec, following tokens; each page validated. */
    List<String> allSets() {
        List<String> specs = new ArrayList<>();
        String xml = oai("verb=ListSets");
        Pattern spec = Pattern.compile("<setSpec>([^<]+)</setSpec>");
        Pattern tok = Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>");
        while (true) {
            Matcher m = spec.matcher(xml);
            while (m.find()) {
                specs.add(m.group(1));
            }
            Matcher t = tok.matcher(xml);
            if (!t.find()) {
                return specs;
            }
            xml = oai("verb=ListSets&resumptionToken=" + t.group(1));
        }
    }

    /** All identifiers of a list, following tokens; each page validated. */
    List<String> harvest(String query) {
        List<String> ids = new ArrayList<>();
        String xml = oai(query);
        Pattern idp = Pattern.compile("<identifier>([^<]+)</identifier>");
        Pattern tok = Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>");
        while (true) {
            Matcher m = idp.matcher(xml);
            while (m.find()) {
                ids.add(m.group(1));
            }
            Matcher t = tok.matcher(xml);
            if (!t.find()) {
                return ids;
            }
            xml = oai("verb=" + query.substring(5, query.indexOf('&')) + "&resumptionToken=" + t.group(1));
        }
    }
}
