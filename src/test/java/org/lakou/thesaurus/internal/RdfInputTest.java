package org.lakou.thesaurus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.riot.Lang;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.thesaurus.QualityReport;

class RdfInputTest {

    private static final String RDF_HEAD = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
            + "xmlns:skos=\"http://www.w3.org/2004/02/skos/core#\">\n";

    private static QualityReport check(String content, Lang lang) {
        return QualityChecker.check(RdfInput.parse(content.getBytes(StandardCharsets.UTF_8), lang), u -> false);
    }

    @Test
    void externalEntityIsRefusedAndNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + RDF_HEAD + "<rdf:Description rdf:about=\"http://x/a\"><skos:prefLabel>&xxe;</skos:prefLabel>"
                + "</rdf:Description></rdf:RDF>";
        RdfInput.Parsed parsed = RdfInput.parse(xxe.getBytes(StandardCharsets.UTF_8), Lang.RDFXML);
        assertThat(parsed.model().isEmpty()).isTrue();
        assertThat(parsed.errors()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("unsafe-xml");
            assertThat(f.message()).contains("external entit").doesNotContain("TOP-SECRET");
            assertThat(f.line()).isEqualTo(2L);
        });
        String hostname = "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>\n"
                + RDF_HEAD + "<rdf:Description rdf:about=\"http://x/a\"><skos:prefLabel>&xxe;</skos:prefLabel>"
                + "</rdf:Description></rdf:RDF>";
        assertThat(check(hostname, Lang.RDFXML).errors()).extracting("code").containsExactly("unsafe-xml");
    }

    @Test
    void aDoctypeAfterAQuarterMegabyteOfCommentsIsStillSeen(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        StringBuilder padding = new StringBuilder();
        while (padding.length() < 300 * 1024) {
            padding.append("<!-- remplissage pour cacher le DOCTYPE plus loin que le début du fichier -->\n");
        }
        for (String doctype : List.of("<!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>",
                "<!DOCTYPE rdf:RDF SYSTEM \"" + secret.toUri() + "\">")) {
            String doc = "<?xml version=\"1.0\"?>\n" + padding + doctype + "\n" + RDF_HEAD
                    + "<rdf:Description rdf:about=\"http://x/a\"><skos:prefLabel>&xxe;</skos:prefLabel>"
                    + "</rdf:Description></rdf:RDF>";
            RdfInput.Parsed parsed = RdfInput.parse(doc.getBytes(StandardCharsets.UTF_16), Lang.RDFXML);
            assertThat(parsed.model().isEmpty()).as(doctype).isTrue();
            assertThat(parsed.errors()).as(doctype).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo("unsafe-xml");
                assertThat(f.message()).doesNotContain("TOP-SECRET");
                assertThat(f.line()).isGreaterThan(3000L);
            });
        }
    }

    @Test
    void jsonLdRemoteContextsAreNeverFetched(@TempDir Path dir) throws Exception {
        Path ctx = dir.resolve("ctx.jsonld");
        Files.writeString(ctx, "{\"@context\": {\"label\": \"http://www.w3.org/2004/02/skos/core#prefLabel\"}}");
        String doc = "{\"@context\": \"" + ctx.toUri() + "\", \"@id\": \"http://x/a\", \"label\": \"v\"}";
        RdfInput.Parsed parsed = RdfInput.parse(doc.getBytes(StandardCharsets.UTF_8), Lang.JSONLD);
        assertThat(parsed.model().isEmpty()).isTrue();
        assertThat(parsed.errors()).singleElement().satisfies(f -> assertThat(f.message()).contains("Remote JSON-LD"));
        String inline = "{\"@context\": {\"label\": \"http://www.w3.org/2004/02/skos/core#prefLabel\"}, "
                + "\"@id\": \"http://x/a\", \"label\": \"v\"}";
        assertThat(RdfInput.parse(inline.getBytes(StandardCharsets.UTF_8), Lang.JSONLD).model().size()).isEqualTo(1);
    }

    @Test
    void dtdExpansionTricksAreRefused() {
        String[] unsafe = {
            "<!DOCTYPE rdf:RDF SYSTEM \"http://example.org/evil.dtd\">",
            "<!DOCTYPE rdf:RDF [<!ENTITY % p SYSTEM \"http://example.org/p\"> %p;]>",
            "<!DOCTYPE rdf:RDF [<!ENTITY a \"xxxxxxxxxx\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>",
        };
        for (String doctype : unsafe) {
            String doc = "<?xml version=\"1.0\"?>\n" + doctype + "\n" + RDF_HEAD + "</rdf:RDF>";
            assertThat(check(doc, Lang.RDFXML).errors()).as(doctype).extracting("code").containsExactly("unsafe-xml");
        }
    }

    @Test
    void namespaceShorthandEntitiesStillWork() {
        String doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [<!ENTITY skos \"http://www.w3.org/2004/02/skos/core#\">]>\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:skos=\"&skos;\">"
                + "<skos:Concept rdf:about=\"http://x/a\"><skos:prefLabel xml:lang=\"fr\">Santé</skos:prefLabel>"
                + "</skos:Concept></rdf:RDF>";
        RdfInput.Parsed parsed = RdfInput.parse(doc.getBytes(StandardCharsets.UTF_8), Lang.RDFXML);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.model().contains(null, SKOS.prefLabel, "Santé", "fr")).isTrue();
    }

    @Test
    void syntaxErrorsCarryLineAndColumn() {
        QualityReport ttl = check("@prefix s: <http://x/> .\ns:a s:b s:c .\ns:a s:b s:c s:d .\n", Lang.TURTLE);
        assertThat(ttl.errors()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("syntax-error");
            assertThat(f.line()).isEqualTo(3L);
            assertThat(f.column()).isNotNull();
        });
        QualityReport xml = check("<?xml version=\"1.0\"?>\n" + RDF_HEAD + "<rdf:Description rdf:about=\"http://x/a\">\n"
                + "<skos:prefLabel>x</skos:altLabel></rdf:Description></rdf:RDF>", Lang.RDFXML);
        assertThat(xml.errors()).singleElement().satisfies(f -> assertThat(f.line()).isEqualTo(4L));
        QualityReport json = check("{\"@id\": \"http://x/a\", ", Lang.JSONLD);
        assertThat(json.errors()).extracting("code").containsExactly("syntax-error");
    }

    @Test
    void trigConceptsInNamedGraphsCount() {
        String trig = """
                @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                <http://x/g1> { <http://x/a> a skos:Concept ; skos:prefLabel "A"@fr ; skos:topConceptOf <http://x/s> . }
                <http://x/g2> { <http://x/b> a skos:Concept ; skos:prefLabel "B"@fr ; skos:broader <http://x/a> . }
                """;
        RdfInput.Parsed parsed = RdfInput.parse(trig.getBytes(StandardCharsets.UTF_8), Lang.TRIG);
        assertThat(parsed.errors()).isEmpty();
        assertThat(ConceptExtractor.extract(parsed.model(), "http://x/s", false)).extracting(ConceptData::uri)
                .containsExactlyInAnyOrder("http://x/a", "http://x/b");
    }

    @Test
    void formatComesFromContentTypeThenExtension() {
        assertThat(RdfInput.detect("text/turtle; charset=utf-8", "x.rdf")).isEqualTo(Lang.TURTLE);
        assertThat(RdfInput.detect("application/octet-stream", "x.rdf")).isEqualTo(Lang.RDFXML);
        assertThat(RdfInput.detect(null, "x.jsonld")).isEqualTo(Lang.JSONLD);
        assertThat(RdfInput.detect("application/ld+json", null)).isEqualTo(Lang.JSONLD);
        assertThat(RdfInput.detect(null, "x.nt")).isEqualTo(Lang.NTRIPLES);
        assertThat(RdfInput.detect(null, "x.trig")).isEqualTo(Lang.TRIG);
        assertThat(RdfInput.detect(null, "x.mrcx")).isNull();
        assertThat(RdfInput.detect("text/csv", "x.csv")).isNull();
    }
}
