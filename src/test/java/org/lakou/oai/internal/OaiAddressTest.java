package org.lakou.oai.internal;

import org.junit.jupiter.api.Test;
import org.lakou.oai.OaiXsd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lakou.oai.internal.OaiHarness.published;

/**
 * Which address the OAI responses name: the metadata is rendered once (at indexing time) and each
 * response fills in its own address: {@code lakou.public-url} when set, else the older
 * {@code lakou.oai.public-url}, else the request's; {@code lakou.oai.base-url} still overrides the
 * base URL alone.
 */
class OaiAddressTest {

    private static String both(OaiHarness oai) {
        oai.source.put(published("r1", "Adresse publique"));
        oai.clock.advance(java.time.Duration.ofSeconds(1));
        String dc = oai.get("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:villecaraibe.com:r1");
        String mods = oai.get("verb=GetRecord&metadataPrefix=mods&identifier=oai:villecaraibe.com:r1");
        OaiXsd.validateWithMods(dc);
        OaiXsd.validateWithMods(mods);
        return dc + mods;
    }

    @Test
    void theRequestAddressWhenNothingIsConfigured() {
        OaiHarness oai = new OaiHarness(10, null, null);
        oai.publicUrl.base = "https://partner.example.org:8443/lakou";
        String xml = both(oai);
        assertThat(xml).contains(">https://partner.example.org:8443/lakou/oai</request>",
                "<dc:identifier>https://partner.example.org:8443/lakou/records/r1</dc:identifier>",
                "<dc:identifier>https://partner.example.org:8443/lakou/api/records/r1/files/a3f1r1</dc:identifier>",
                ">https://partner.example.org:8443/lakou/records/r1</url>",
                ">https://partner.example.org:8443/lakou/api/records/r1/files/a3f1r1</url>")
                .doesNotContain("localhost", OaiLinks.BASE);
        oai.publicUrl.base = "http://127.0.0.1:9999";
        assertThat(oai.get("verb=GetRecord&metadataPrefix=mods&identifier=oai:villecaraibe.com:r1"))
                .contains(">http://127.0.0.1:9999/oai</request>", ">http://127.0.0.1:9999/records/r1</url>");
        assertThat(oai.get("verb=Identify")).contains("<baseURL>http://127.0.0.1:9999/oai</baseURL>");
    }

    @Test
    void theOlderSettingStillCountsUnlessLakouPublicUrlIsSet() {
        OaiHarness oai = new OaiHarness(10, "https://ancien.villecaraibe.com", null);
        oai.publicUrl.base = "http://10.0.0.5:8080";
        assertThat(both(oai)).contains(">https://ancien.villecaraibe.com/oai</request>",
                "<dc:identifier>https://ancien.villecaraibe.com/records/r1</dc:identifier>");
        oai.publicUrl.base = "https://doc.villecaraibe.com";
        oai.publicUrl.configured = true;
        assertThat(oai.get("verb=GetRecord&metadataPrefix=mods&identifier=oai:villecaraibe.com:r1"))
                .contains(">https://doc.villecaraibe.com/oai</request>", ">https://doc.villecaraibe.com/records/r1</url>")
                .doesNotContain("ancien");
    }

    @Test
    void aBaseUrlSettingOverridesTheOaiAddressOnly() {
        OaiHarness oai = new OaiHarness(10, null, "https://oai.villecaraibe.com/pmh");
        oai.publicUrl.base = "https://doc.villecaraibe.com";
        assertThat(both(oai)).contains(">https://oai.villecaraibe.com/pmh</request>",
                "<dc:identifier>https://doc.villecaraibe.com/records/r1</dc:identifier>");
    }

    @Test
    void theMarkerCannotComeFromCatalogueText() {
        assertThat(XmlOut.clean("titre" + OaiLinks.BASE + "suite")).isEqualTo("titresuite");
    }
}
