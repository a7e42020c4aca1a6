package org.lakou.oai.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lakou.catalogue.RecordStatus;
import org.lakou.oai.OaiXsd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lakou.oai.internal.InMemoryVocabulary.COHESION;
import static org.lakou.oai.internal.InMemoryVocabulary.COPRO;
import static org.lakou.oai.internal.InMemoryVocabulary.LIEN;
import static org.lakou.oai.internal.OaiHarness.START;
import static org.lakou.oai.internal.OaiHarness.errorCode;
import static org.lakou.oai.internal.OaiHarness.published;
import static org.lakou.oai.internal.OaiHarness.token;

/**
 * Every verb and every protocol error, each response validated against the official schemas
 * (OAI-PMH, oai_dc, oai-identifier, MODS 3.7), over in-memory fakes.
 */
class OaiProtocolTest {

    private OaiHarness oai;

    @BeforeEach
    void records() {
        OaiXsd.assumeAvailable();
        oai = new OaiHarness(10);
        for (int i = 0; i < 23; i++) {
            oai.source.put(published("rec" + i, "Rénovation urbaine à Fort-de-France n°" + i,
                    i % 2 == 0 ? LIEN : COPRO));
            oai.clock.advance(Duration.ofSeconds(1));
        }
        oai.source.put(OaiHarness.record("gone1", "Supprimé", List.of(COHESION), "étude", true,
                RecordStatus.PUBLISHED, START));
        oai.source.put(OaiHarness.record("wdrn1", "Retiré", List.of(COHESION), "étude", false,
                RecordStatus.WITHDRAWN, START));
        oai.source.put(OaiHarness.record("draft1", "Brouillon", List.of(COHESION), "étude", false,
                RecordStatus.DRAFT, START));
        oai.clock.advance(Duration.ofMinutes(5));
    }

    private String ok(String query) {
        String xml = oai.get(query);
        OaiXsd.validateWithMods(xml);
        OaiXsd.validate(xml.contains("http://www.loc.gov/mods/v3") ? strip(xml) : xml);
        assertThat(errorCode(xml)).as(query).isNull();
        return xml;
    }

    private static String strip(String xml) {
        return xml.replaceAll("(?s)<metadata>.*?</metadata>", "");
    }

    private String error(String query, String code) {
        String xml = oai.get(query);
        OaiXsd.validate(xml);
        assertThat(errorCode(xml)).as(query).isEqualTo(code);
        return xml;
    }

    @Test
    void identify() {
        String xml = ok("verb=Identify");
        assertThat(xml).contains("<repositoryName>Centre de ressources Ville caraïbe</repositoryName>",
                "<baseURL>https://doc.villecaraibe.com/oai</baseURL>",
                "<adminEmail>documentation@villecaraibe.com</adminEmail>",
                "<earliestDatestamp>2026-03-02T09:00:00Z</earliestDatestamp>",
                "<deletedRecord>persistent</deletedRecord>", "<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>",
                "<repositoryIdentifier>villecaraibe.com</repositoryIdentifier>",
                "<sampleIdentifier>oai:villecaraibe.com:");
    }

    @Test
    void listMetadataFormats() {
        String all = ok("verb=ListMetadataFormats");
        assertThat(all).contains("<metadataPrefix>oai_dc</metadataPrefix>", "<metadataPrefix>mods</metadataPrefix>",
                "<metadataNamespace>http://www.loc.gov/mods/v3</metadataNamespace>",
                "<schema>https://www.loc.gov/standards/mods/v3/mods-3-7.xsd</schema>");
        assertThat(ok("verb=ListMetadataFormats&identifier=oai:villecaraibe.com:rec3")).contains("oai_dc", "mods");
        error("verb=ListMetadataFormats&identifier=oai:villecaraibe.com:nope", "idDoesNotExist");
    }

    @Test
    void listSetsPagesThroughTheHierarchy() {
        List<String> specs = new ArrayList<>();
        String xml = ok("verb=ListSets");
        specs.addAll(OaiHarness.all(xml, "<setSpec>([^<]+)</setSpec>"));
        String token = token(xml);
        while (token != null) {
            xml = ok("verb=ListSets&resumptionToken=" + token);
            specs.addAll(OaiHarness.all(xml, "<setSpec>([^<]+)</setSpec>"));
            token = token(xml);
        }
        assertThat(specs).doesNotHaveDuplicates().contains("type:rapport", "type:guide-methodologique",
                "collection:cahiers-de-ville-caraibe", "subject:cohesion-sociale", "subject:cohesion-sociale:lien-social",
                "subject:habitat-et-logement:logement-social:coproprietes-degradees", "subject:martinique:fort-de-france");
    }

    @Test
    void getRecordInBothFormats() {
        String dc = ok("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:villecaraibe.com:rec2");
        assertThat(dc).contains("<identifier>oai:villecaraibe.com:rec2</identifier>",
                "<datestamp>2026-03-02T09:00:02Z</datestamp>", "<setSpec>subject:cohesion-sociale:lien-social</setSpec>",
                "<dc:subject>lien social</dc:subject>", "<dc:subject>" + LIEN + "</dc:subject>",
                "<dc:identifier>https://doc.villecaraibe.com/records/rec2</dc:identifier>",
                "<dc:identifier>https://doc.villecaraibe.com/api/records/rec2/files/a3f1rec2</dc:identifier>",
                "<dc:format>application/pdf</dc:format>", "<dc:coverage>Fort-de-France</dc:coverage>",
                "<dc:coverage>Sainte-Thérèse</dc:coverage>", "<dc:language>fr</dc:language>",
                "les bailleurs &lt;sociaux", "<dc:rights>Accès libre</dc:rights>");
        String mods = ok("verb=GetRecord&metadataPrefix=mods&identifier=oai:villecaraibe.com:rec2");
        assertThat(mods).contains("<mods xmlns=\"http://www.loc.gov/mods/v3\"",
                "authorityURI=\"https://w3id.org/lakou/thesaurus/thematique\"", "valueURI=\"" + LIEN + "\"",
                "<topic>lien social</topic>", "<geographic>Fort-de-France</geographic>", "<genre",
                ">rapport</genre>", "<languageTerm type=\"code\" authority=\"rfc5646\">fr</languageTerm>",
                "access=\"raw object\"");
    }

    @Test
    void deletedAndWithdrawnRecordsAreTombstonesAndDraftsAreHidden() {
        String gone = ok("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:villecaraibe.com:gone1");
        assertThat(gone).contains("<header status=\"deleted\">").doesNotContain("<metadata>");
        assertThat(ok("verb=GetRecord&metadataPrefix=mods&identifier=oai:villecaraibe.com:wdrn1"))
                .contains("status=\"deleted\"");
        error("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:villecaraibe.com:draft1", "idDoesNotExist");
    }

    @Test
    void listRecordsAndIdentifiersFollowTokensToTheEnd() {
        for (String verb : List.of("ListRecords", "ListIdentifiers")) {
            for (String prefix : List.of("oai_dc", "mods")) {
                List<String> ids = new ArrayList<>();
                String xml = ok("verb=" + verb + "&metadataPrefix=" + prefix);
                assertThat(OaiHarness.attribute(xml, "resumptionToken", "completeListSize")).isEqualTo("25");
                assertThat(OaiHarness.attribute(xml, "resumptionToken", "cursor")).isEqualTo("0");
                assertThat(OaiHarness.attribute(xml, "resumptionToken", "expirationDate"))
                        .isEqualTo("2026-03-03T09:05:23Z");
                ids.addAll(OaiHarness.all(xml, "<identifier>([^<]+)</identifier>"));
                while (token(xml) != null) {
                    xml = ok("verb=" + verb + "&resumptionToken=" + token(xml));
                    ids.addAll(OaiHarness.all(xml, "<identifier>([^<]+)</identifier>"));
                }
                assertThat(OaiHarness.attribute(xml, "resumptionToken", "cursor")).isEqualTo("20");
                assertThat(xml).containsPattern("<resumptionToken [^>]*/>|<resumptionToken [^>]*></resumptionToken>");
                assertThat(ids).hasSize(25).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void setsSelectRecordsOfNarrowerConcepts() {
        String xml = ok("verb=ListIdentifiers&metadataPrefix=oai_dc&set=subject:habitat-et-logement");
        assertThat(OaiHarness.attribute(xml, "resumptionToken", "completeListSize")).isEqualTo("11");
        String cohesion = ok("verb=ListIdentifiers&metadataPrefix=oai_dc&set=subject:cohesion-sociale");
        assertThat(OaiHarness.attribute(cohesion, "resumptionToken", "completeListSize")).isEqualTo("14");
        assertThat(cohesion).contains("oai:villecaraibe.com:rec0").doesNotContain("oai:villecaraibe.com:rec1<");
        String martinique = ok("verb=ListRecords&metadataPrefix=mods&set=subject:martinique");
        assertThat(OaiHarness.attribute(martinique, "resumptionToken", "completeListSize")).isEqualTo("25");
    }

    @Test
    void dayFormDatesAreAccepted() {
        assertThat(ok("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-03-02&until=2026-03-02"))
                .contains("completeListSize=\"25\"");
        assertThat(ok("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-03-02T09:00:20Z"))
                .contains("rec20", "rec22").doesNotContain("rec19<");
        assertThat(ok("verb=ListIdentifiers&metadataPrefix=oai_dc&until=2026-03-02T09:00:01Z"))
                .contains("rec0<", "rec1<").doesNotContain("rec2<");
        assertThat(ok("verb=ListIdentifiers&metadataPrefix=oai_dc&until=2099-12-31")).contains("rec0<");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "'' ; badVerb",
        "verb=Dance ; badVerb",
        "verb=Identify&verb=Identify ; badVerb",
        "verb=GetRecord&metadataPrefix=oai_dc ; badArgument",
        "verb=ListRecords ; badArgument",
        "verb=Identify&colour=blue ; badArgument",
        "verb=ListSets&metadataPrefix=oai_dc ; badArgument",
        "verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc ; badArgument",
        "verb=ListRecords&metadataPrefix=oai_dc&from=2026-13-45 ; badArgument",
        "verb=ListRecords&metadataPrefix=oai_dc&from=yesterday ; badArgument",
        "verb=ListRecords&metadataPrefix=oai_dc&from=2026-03-01T10:00:00 ; badArgument",
        "verb=ListRecords&metadataPrefix=oai_dc&from=2026-03-01&until=2026-03-02T00:00:00Z ; badArgument",
        "verb=ListRecords&metadataPrefix=oai_dc&from=2026-03-02T00:00:00Z&until=2026-03-02 ; badArgument",
        "verb=ListRecords&metadataPrefix=oai_dc&from=2026-03-02&until=2026-03-01 ; badArgument",
        "verb=ListRecords&metadataPrefix=oai_dc&from=2026-03-02T10:00:00Z&until=2026-03-02T09:00:00Z ; badArgument",
        "verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=abc ; badArgument",
        "verb=ListRecords&resumptionToken=abc ; badResumptionToken",
        "verb=ListRecords&resumptionToken=eyJ4IjoxfQ.AAAA ; badResumptionToken",
        "verb=ListRecords&metadataPrefix=marc21 ; cannotDisseminateFormat",
        "verb=GetRecord&metadataPrefix=marc21&identifier=oai:villecaraibe.com:rec1 ; cannotDisseminateFormat",
        "verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:villecaraibe.com:nope ; idDoesNotExist",
        "verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere.org:rec1 ; idDoesNotExist",
        "verb=ListRecords&metadataPrefix=oai_dc&set=type:annuaire ; noRecordsMatch",
        "verb=ListRecords&metadataPrefix=oai_dc&set=no:such:set ; noRecordsMatch",
        "verb=ListIdentifiers&metadataPrefix=oai_dc&from=2020-01-01&until=2020-12-31 ; noRecordsMatch",
        "verb=ListIdentifiers&metadataPrefix=oai_dc&from=2099-01-01 ; noRecordsMatch",
        "verb=ListIdentifiers&metadataPrefix=marc21&from=2099-01-01 ; cannotDisseminateFormat",
    })
    void errors(String query, String code) {
        error(query.trim(), code.trim());
    }

    @Test
    void tamperedExpiredAndForeignTokensAreRefused() {
        String token = token(ok("verb=ListRecords&metadataPrefix=oai_dc"));
        assertThat(token).isNotNull();
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        error("verb=ListRecords&resumptionToken=" + tampered, "badResumptionToken");
        String payload = token.substring(0, token.indexOf('.'));
        String forged = payload.substring(0, payload.length() - 2) + "xy" + token.substring(token.indexOf('.'));
        error("verb=ListRecords&resumptionToken=" + forged, "badResumptionToken");
        String setsToken = token(ok("verb=ListSets"));
        error("verb=ListRecords&resumptionToken=" + setsToken, "badResumptionToken");
        assertThat(errorCode(oai.get("verb=ListIdentifiers&resumptionToken=" + token))).isNull();
        oai.clock.advance(Duration.ofHours(24).plusSeconds(1));
        error("verb=ListRecords&resumptionToken=" + token, "badResumptionToken");
    }

    @Test
    void unavailableStoreIsReportedToTheCaller() {
        oai.source.down = true;
        assertThatThrownBy(() -> oai.get("verb=ListRecords&metadataPrefix=oai_dc"))
                .isInstanceOf(FeedUnavailableException.class);
    }
}
