package org.lakou.thesaurus.internal;

import java.nio.charset.StandardCharsets;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.lakou.thesaurus.FixtureScheme;

/** Plain-Java helpers: a scheme version straight from Turtle, without Mongo or Spring. */
final class Fixtures {

    static final String BASE = "https://example.org/fixture";

    private Fixtures() {
    }

    static Model turtle(String ttl) {
        RdfInput.Parsed p = RdfInput.parse(ttl.getBytes(StandardCharsets.UTF_8), Lang.TURTLE);
        if (!p.errors().isEmpty()) {
            throw new IllegalArgumentException(p.errors().toString());
        }
        return p.model();
    }

    static SchemeState state(String ttl, int version) {
        return SchemeState.of("fixture", FixtureScheme.schemeUri(BASE), version, turtle(ttl), false);
    }

    static ThesaurusProperties props(java.time.Duration sparqlTimeout, int maxResults) {
        return new ThesaurusProperties("http://localhost:8080/thesaurus", sparqlTimeout, maxResults,
                org.springframework.util.unit.DataSize.ofMegabytes(50), true, java.time.Duration.ofSeconds(30),
                "https://w3id.org/lakou/thesaurus/thematique");
    }
}
