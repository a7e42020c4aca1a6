package org.lakou.thesaurus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.TestHttp.Response;
import org.lakou.thesaurus.internal.SharedData;
import org.springframework.beans.factory.annotation.Autowired;

/** The real UNESCO Thesaurus in and out: nothing may be lost or invented on the way. */
class UnescoRoundTripTest extends IntegrationTestBase {

    @Autowired
    ThesaurusApi thesaurus;

    @Test
    void importThenExportIsIsomorphic() throws Exception {
        byte[] file = Files.readAllBytes(SharedData.require(SharedData.UNESCO));
        TestHttp http = documentalist();
        Response imported = ThesaurusHttp.postFile(http, "/api/thesaurus/imports", "unesco-thesaurus.ttl", file);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        String id = imported.json().get("schemeId").asString();
        assertThat(id).isEqualTo("thesaurus");
        assertThat(imported.json().get("conceptCount").asInt()).isGreaterThanOrEqualTo(4482);

        Model original = RDFDataMgr.loadModel(SharedData.UNESCO.toString(), Lang.TURTLE);
        Response dump = ThesaurusHttp.get(http, "/thesaurus/schemes/" + id, "text/turtle");
        assertThat(dump.status()).isEqualTo(200);
        Model exported = ThesaurusHttp.parse(dump.body(), Lang.TURTLE);
        assertThat(exported.size()).isEqualTo(original.size());
        assertThat(exported.getGraph().isIsomorphicWith(original.getGraph())).isTrue();

        assertThat(thesaurus.suggest("educ", "en", 5)).isNotEmpty();
        assertThat(thesaurus.versions(id)).isNotEmpty();
    }
}
