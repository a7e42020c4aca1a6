package org.lakou.thesaurus;

/**
 * Two hand-written versions of a small scheme, under a base URI of the caller's choosing so that
 * tests sharing one Spring context never collide. From v1 to v2: {@code c} is added, {@code gone}
 * removed, {@code a1} relabelled (and given an English label), {@code a2} moved from {@code a} to
 * {@code b}, {@code old} deprecated with {@code b1} as replacement, {@code dead} deprecated without.
 */
public final class FixtureScheme {

    private static final String PREFIXES = """
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix dct: <http://purl.org/dc/terms/> .
            @prefix owl: <http://www.w3.org/2002/07/owl#> .
            @prefix ex: <%s/> .
            """;

    private FixtureScheme() {
    }

    public static String schemeUri(String base) {
        return base + "/scheme";
    }

    public static String v1(String base) {
        return PREFIXES.formatted(base) + """
                <%1$s/scheme> a skos:ConceptScheme ; dct:title "Fixture"@fr ; skos:hasTopConcept ex:a, ex:b .
                ex:a a skos:Concept ; skos:inScheme <%1$s/scheme> ; skos:topConceptOf <%1$s/scheme> ;
                    skos:prefLabel "Action sociale"@fr ; skos:narrower ex:a1, ex:a2 .
                ex:a1 a skos:Concept ; skos:inScheme <%1$s/scheme> ; skos:prefLabel "Médiation"@fr ;
                    skos:altLabel "Médiateurs"@fr ; skos:broader ex:a .
                ex:a2 a skos:Concept ; skos:inScheme <%1$s/scheme> ; skos:prefLabel "Prévention de la délinquance"@fr ;
                    skos:altLabel "CLSPD"@fr ; skos:broader ex:a .
                ex:b a skos:Concept ; skos:inScheme <%1$s/scheme> ; skos:topConceptOf <%1$s/scheme> ;
                    skos:prefLabel "Logement"@fr ; skos:narrower ex:b1, ex:gone, ex:old, ex:dead .
                ex:b1 a skos:Concept ; skos:inScheme <%1$s/scheme> ; skos:prefLabel "Habitat indigne"@fr ; skos:broader ex:b .
                ex:gone a skos:Concept ; skos:inScheme <%1$s/scheme> ; skos:prefLabel "Concept retiré"@fr ; skos:broader ex:b .
                ex:old a skos:Concept ; skos:inScheme <%1$s/scheme> ; skos:prefLabel "Taudis"@fr ; skos:broader ex:b .
                ex:dead a skos:Concept ; skos:inScheme <%1$s/scheme> ; skos:prefLabel "Concept abandonné"@fr ; skos:broader ex:b .
                """.formatted(base);
    }

    public static String v2(String base) {
        return PREFIXES.formatted(base) + """
                <%1$s/scheme> a skos:ConceptScheme ; dct:title "Fixture"@fr ; skos:hasTopConcept ex:a, ex:b, ex:c .
                ex:a a skos:Concept ; skos:inScheme <%1$s/scheme> ; skos:topConceptOf <%1$s/scheme> ;
                    skos:prefLabel "Action sociale"@fr ; skos:narrower ex:a1 .
                ex:a1 a skos:Concept ; skos:inScheme <%1$s/scheme> ; skos:prefLabel "Médiation sociale"@fr ;
                    skos:prefLabel "Social mediation"@en ; skos:altLabel "Médiateurs"@fr ; skos:broader ex:a .
                ex:a2 a skos:Concept ; skos:inScheme <%1$s/scheme> ; skos:prefLabel "Prévention de la délinquance"@fr ;
                    skos:altLabel "CLSPD"@fr ; skos:broader ex:b .
                ex:b a skos:Concept ; skos:inScheme <%1$s/scheme> ; skos:topConceptOf <%1$s/scheme> ;
                    skos:prefLabel "Logement"@fr ; skos:narrower ex:b1, ex:a2, ex:old, ex:dead .
                ex:b1 a skos:Concept ; skos:inScheme <%1$s/scheme> ; skos:prefLabel "Habitat indigne"@fr ; skos:broader ex:b .
                ex:old a skos:Concept ; skos:inScheme <%1$s/scheme> ; skos:prefLabel "Taudis"@fr ; skos:broader ex:b ;
                    owl:deprecated true ; dct:isReplacedBy ex:b1 .
                ex:dead a skos:Concept ; skos:inScheme <%1$s/scheme> ; skos:prefLabel "Concept abandonné"@fr ;
                    skos:broader ex:b ; owl:deprecated true .
                ex:c a skos:Concept ; skos:inScheme <%1$s/scheme> ; skos:topConceptOf <%1$s/scheme> ; skos:prefLabel "Santé"@fr .
                """.formatted(base);
    }
}
