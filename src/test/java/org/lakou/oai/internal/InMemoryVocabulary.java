package org.lakou.oai.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small two-scheme thesaurus for tests, shaped like the starter one. */
public final class InMemoryVocabulary implements SubjectVocabulary {

    public static final String THEME = "https://w3id.org/lakou/thesaurus/thematique";
    public static final String TERR = "https://w3id.org/lakou/thesaurus/territoires";
    public static final String COHESION = THEME + "/cohesion-sociale";
    public static final String LIEN = THEME + "/lien-social";
    public static final String SOLIDARITE = THEME + "/solidarite-intergenerationnelle";
    public static final String HABITAT = THEME + "/habitat-et-logement";
    public static final String LOGEMENT_SOCIAL = THEME + "/logement-social";
    public static final String COPRO = THEME + "/coproprietes-degradees";
    public static final String MARTINIQUE = TERR + "/martinique";
    public static final String FDF = TERR + "/fort-de-france";

    private final Map<String, VocabularyConcept> concepts = new LinkedHashMap<>();
    private final List<String> tops = new ArrayList<>();

    public InMemoryVocabulary() {
        add(COHESION, "Cohésion sociale", THEME, null, null);
        add(LIEN, "lien social", THEME, null, COHESION);
        add(SOLIDARITE, "solidarité intergénérationnelle", THEME, null, COHESION);
        add(HABITAT, "Habitat et logement", THEME, null, null);
        add(LOGEMENT_SOCIAL, "logement social", THEME, null, HABITAT);
        add(COPRO, "copropriétés dégradées", THEME, null, LOGEMENT_SOCIAL);
        add(MARTINIQUE, "Martinique", TERR, "972", null);
        add(FDF, "Fort-de-France", TERR, "97209", MARTINIQUE);
    }

    private void add(String uri, String label, String scheme, String notation, String broader) {
        concepts.put(uri, new VocabularyConcept(uri, label, scheme, notation,
                broader == null ? List.of() : List.of(broader), List.of()));
        if (broader == null) {
            tops.add(uri);
        } else {
            VocabularyConcept b = concepts.get(broader);
            List<String> narrower = new ArrayList<>(b.narrower());
            narrower.add(uri);
            concepts.put(broader, new VocabularyConcept(b.uri(), b.label(), b.schemeUri(), b.notation(), b.broader(),
                    narrower));
        }
    }

    @Override
    public Optional<VocabularyConcept> concept(String uri) {
        return Optional.ofNullable(concepts.get(uri));
    }

    @Override
    public List<VocabularyConcept> topConcepts() {
        return tops.stream().map(concepts::get).toList();
    }

    @Override
    public String schemeLabel(String schemeUri) {
        return schemeUri;
    }
}
