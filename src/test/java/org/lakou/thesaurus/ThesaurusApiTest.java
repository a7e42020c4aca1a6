package org.lakou.thesaurus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.jena.riot.Lang;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.TestHttp.Response;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Import, versions, diff and apply over HTTP, with the catalogue remap they cause. */
@RecordApplicationEvents
class ThesaurusApiTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;

    @Autowired
    ThesaurusApi thesaurus;

    @Autowired
    ApplicationEvents events;

    TestHttp http;

    @BeforeEach
    void client() {
        http = documentalist();
    }

    private Record record(String title, String... subjects) {
        return catalogue.create(new RecordFields(title, null, List.of(), null, "2011", "étude", "fr", null,
                List.of(subjects), List.of(), null, AccessLevel.PUBLIC));
    }

    @Test
    void starterThesaurusIsLoadedOnFirstStart() {
        Response schemes = http.get("/api/thesaurus/schemes");
        assertThat(schemes.status()).isEqualTo(200);
        List<String> uris = schemes.json().valueStream().map(s -> s.get("uri").asString()).toList();
        assertThat(uris).contains("https://w3id.org/lakou/thesaurus/thematique",
                "https://w3id.org/lakou/thesaurus/territoires", "https://w3id.org/lakou/thesaurus/types");
        Response suggest = http.get("/api/thesaurus/suggest?q=delinq&lang=fr");
        assertThat(suggest.json().valueStream().map(s -> s.get("label").asString()))
                .anyMatch(l -> l.toLowerCase().contains("délinquance"));
    }

    @Test
    void importDiffApplyRemapsRecords() {
        String base = "https://example.org/t" + System.nanoTime();
        String ex = base + "/";
        Response v1 = ThesaurusHttp.postBody(http, "/api/thesaurus/imports?source=test", FixtureScheme.v1(base), "text/turtle");
        assertThat(v1.status()).as(v1.body()).isEqualTo(201);
        String id = v1.json().get("schemeId").asString();
        assertThat(v1.json().get("version").asInt()).isEqualTo(1);
        assertThat(v1.json().get("conceptCount").asInt()).isEqualTo(8);
        assertThat(thesaurus.concept(ex + "old")).isPresent();

        Record usesOld = record("Rapport sur les taudis", ex + "old", ex + "a1");
        Record usesDead = record("Concept abandonné", ex + "dead");
        Record usesGone = record("Concept retiré", ex + "gone");
        Record untouched = record("Intact", ex + "b1");

        Response v2 = ThesaurusHttp.postBody(http, "/api/thesaurus/imports?apply=false", FixtureScheme.v2(base),
                "text/turtle");
        assertThat(v2.status()).isEqualTo(201);
        assertThat(v2.json().get("version").asInt()).isEqualTo(2);
        assertThat(v2.json().get("applied").isNull()).isTrue();
        assertThat(thesaurus.concept(ex + "c")).as("not applied yet").isEmpty();

        Response versions = http.get("/api/thesaurus/schemes/" + id + "/versions");
        assertThat(versions.json().valueStream().map(v -> v.get("version").asInt() + ":" + v.get("current").asBoolean()))
                .containsExactly("1:true", "2:false");

        Response diff = http.get("/api/thesaurus/schemes/" + id + "/diff?from=1&to=2");
        assertThat(diff.status()).isEqualTo(200);
        assertThat(diff.json().get("added").valueStream().map(n -> n.asString())).containsExactly(ex + "c");
        assertThat(diff.json().get("removed").valueStream().map(n -> n.asString())).containsExactly(ex + "gone");
        assertThat(diff.json().get("relabelled").valueStream().map(r -> r.get("after").asString()))
                .contains("Médiation sociale");
        assertThat(diff.json().get("moved").get(0).get("broaderAfter").get(0).asString()).isEqualTo(ex + "b");
        assertThat(diff.json().get("deprecated").valueStream().map(d -> d.get("uri").asString()))
                .containsExactlyInAnyOrder(ex + "old", ex + "dead");

        events.clear();
        Response applied = http.post("/api/thesaurus/schemes/" + id + "/versions/2/apply", null);
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.json().get("remapped").asInt()).isEqualTo(1);
        assertThat(applied.json().get("flagged").asInt()).isEqualTo(2);
        assertThat(applied.json().get("replacements").get(ex + "old").asString()).isEqualTo(ex + "b1");

        assertThat(catalogue.get(usesOld.id()).subjects()).containsExactly(ex + "b1", ex + "a1");
        assertThat(catalogue.get(usesDead.id()).reviewNotes()).singleElement().asString().contains(ex + "dead");
        assertThat(catalogue.get(usesGone.id()).reviewNotes()).singleElement().asString().contains(ex + "gone");
        assertThat(catalogue.get(untouched.id()).version()).isEqualTo(untouched.version());

        assertThat(thesaurus.concept(ex + "a2").orElseThrow().broader()).containsExactly(ex + "b");
        assertThat(thesaurus.concept(ex + "a1").orElseThrow().label("fr")).isEqualTo("Médiation sociale");
        Response top = http.get("/api/thesaurus/schemes/" + id + "/top");
        assertThat(top.json().valueStream().map(c -> c.get("uri").asString())).containsExactly(ex + "a", ex + "b", ex + "c");

        // rolling back is applying the older version; listeners hear of it (events are recorded on this thread)
        events.clear();
        ApplyResult back = thesaurus.applyVersion(id, 1);
        assertThat(back.previousVersion()).isEqualTo(2);
        assertThat(back.withoutReplacement()).containsExactly(ex + "c");
        assertThat(thesaurus.concept(ex + "gone")).isPresent();
        assertThat(events.stream(ThesaurusChanged.class)).singleElement().satisfies(e -> {
            assertThat(e.schemeUri()).isEqualTo(FixtureScheme.schemeUri(base));
            assertThat(e.version()).isEqualTo(1);
            assertThat(e.affectedConcepts()).contains(ex + "c", ex + "gone", ex + "a1", ex + "a2", ex + "old");
        });
    }

    @Test
    void syntaxErrorsAreRefusedWithTheirLine() {
        Response r = ThesaurusHttp.postBody(http, "/api/thesaurus/imports",
                "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n<http://x/a> skos:prefLabel \"A\"@fr\n<http://x/b> .\n",
                "text/turtle");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("line").asInt()).isEqualTo(3);
        assertThat(r.json().get("detail").asString()).contains("line 3");
        assertThat(r.json().get("report").get("errors").get(0).get("code").asString()).isEqualTo("syntax-error");
    }

    @Test
    void invalidFixtureFilesGiveA400WithTheirLine() throws Exception {
        java.nio.file.Path dir = org.lakou.thesaurus.internal.SharedData.require(
                org.lakou.thesaurus.internal.SharedData.THESAURUS.resolve("qskos-defects"));
        for (var e : java.util.Map.of("invalidCharacters.rdf", 5, "skosxl.rdf", 9).entrySet()) {
            Response r = ThesaurusHttp.postFile(http, "/api/thesaurus/imports", e.getKey(),
                    java.nio.file.Files.readAllBytes(dir.resolve(e.getKey())));
            assertThat(r.status()).as(e.getKey()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("line").asInt()).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(r.json().get("column").asInt()).isPositive();
        }
    }

    @Test
    void externalEntitiesAreRefusedAndNeverRead() throws Exception {
        java.nio.file.Path secret = java.nio.file.Files.createTempFile(DATA_DIR, "secret", ".txt");
        java.nio.file.Files.writeString(secret, "LAKOU-SECRET-" + System.nanoTime());
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                + "xmlns:skos=\"http://www.w3.org/2004/02/skos/core#\">\n"
                + "<skos:Concept rdf:about=\"http://example.org/xxe/a\"><skos:prefLabel xml:lang=\"fr\">&xxe;</skos:prefLabel>"
                + "</skos:Concept></rdf:RDF>";
        Response r = ThesaurusHttp.postFile(http, "/api/thesaurus/imports", "evil.rdf", xml.getBytes());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asString()).isEqualTo("unsafe-xml");
        assertThat(r.json().get("detail").asString()).contains("external entit");
        assertThat(r.body()).doesNotContain(java.nio.file.Files.readString(secret));
        assertThat(thesaurus.concept("http://example.org/xxe/a")).isEmpty();
    }

    @Test
    void aDoctypeHiddenAfterLongCommentsIsRefusedAndTheEntityNeverRead() throws Exception {
        java.nio.file.Path secret = java.nio.file.Files.createTempFile(DATA_DIR, "secret", ".txt");
        java.nio.file.Files.writeString(secret, "LAKOU-SECRET-" + System.nanoTime());
        String padding = "<!-- " + "x".repeat(1000) + " -->\n";
        String xml = "<?xml version=\"1.0\"?>\n" + padding.repeat(300)
                + "<!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                + "xmlns:skos=\"http://www.w3.org/2004/02/skos/core#\">\n"
                + "<skos:Concept rdf:about=\"http://example.org/xxe/late\"><skos:prefLabel xml:lang=\"fr\">&xxe;"
                + "</skos:prefLabel></skos:Concept></rdf:RDF>";
        Response r = ThesaurusHttp.postFile(http, "/api/thesaurus/imports", "late.rdf", xml.getBytes());
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asString()).isEqualTo("unsafe-xml");
        assertThat(r.body()).doesNotContain(java.nio.file.Files.readString(secret));
        assertThat(thesaurus.concept("http://example.org/xxe/late")).isEmpty();
    }

    @Test
    void unknownFormatsAreRefused() {
        Response r = ThesaurusHttp.postBody(http, "/api/thesaurus/imports?fileName=notes.csv", "a,b\n", "text/csv");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asString()).isEqualTo("unsupported-format");
    }

    @Test
    void multipartImportOfRdfXmlAndUnknownConcept() {
        String xml = "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                + "xmlns:skos=\"http://www.w3.org/2004/02/skos/core#\">\n"
                + "<skos:Concept rdf:about=\"http://example.org/mp" + System.nanoTime() + "/a\">"
                + "<skos:prefLabel xml:lang=\"fr\">Quartier prioritaire témoin</skos:prefLabel>"
                + "<skos:prefLabel>sans langue</skos:prefLabel></skos:Concept></rdf:RDF>";
        Response r = ThesaurusHttp.postFile(http, "/api/thesaurus/imports", "mp.rdf", xml.getBytes());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("report").get("counts").get("untagged-label").asInt()).isEqualTo(1);
        assertThat(r.json().get("report").get("counts").get("orphan-concept").asInt()).isEqualTo(1);
        assertThat(http.get("/api/thesaurus/concept?uri=http://example.org/none").status()).isEqualTo(404);
        assertThat(http.get("/api/thesaurus/schemes/none/versions").status()).isEqualTo(404);
    }

    @Test
    void cliImportsAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("cli-scheme.ttl");
        java.nio.file.Files.writeString(file, FixtureScheme.v1("https://example.org/cli" + System.nanoTime()));
        var cli = new picocli.CommandLine(applicationContext.getBeansOfType(org.lakou.shared.CliCommand.class).values()
                .stream().filter(c -> c.getClass().getSimpleName().startsWith("ThesaurusCli")).findFirst().orElseThrow());
        var out = new java.io.StringWriter();
        cli.setOut(new java.io.PrintWriter(out));
        assertThat(cli.execute("import", file.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("version 1").contains("8 concepts");
        assertThat(cli.execute("import", dir.resolve("missing.ttl").toString())).isNotEqualTo(0);
    }

    @Autowired
    org.springframework.context.ApplicationContext applicationContext;

    static boolean hasPrefLabel(org.apache.jena.rdf.model.Model m, String label) {
        return m.listObjectsOfProperty(SKOS.prefLabel).toList().stream().anyMatch(n -> n.toString().startsWith(label));
    }

    static Lang lang(String mediaType) {
        return org.apache.jena.riot.RDFLanguages.contentTypeToLang(mediaType);
    }
}
