package org.lakou.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.search.SearchApi;

/**
 * The page benchmarks' catalogue: {@code bench.records} published records (10,000 by default),
 * imported once per JVM and shared by every benchmark of the run, since they share one Spring
 * context. Each used to import its own 10,000, so the later ones ran at 20,000–40,000 records and
 * a {@code bench/pages} run spent most of its time importing and indexing. Titles and summaries
 * mix the words the results page searches for; two starter-thesaurus subjects each.
 */
final class BenchCatalogue {

    static final int RECORDS = Integer.getInteger("bench.records", 10_000);
    static final String T = "https://w3id.org/lakou/thesaurus/thematique/";
    static final List<String> WORDS = List.of("médiation", "quartier", "jeunesse", "logement", "emploi",
            "santé", "culture", "rénovation", "éducation", "prévention", "habitants", "territoire");
    private static final List<String> SUBJECTS = List.of("mediation-sociale", "lien-social", "renovation-urbaine",
            "jeunesse", "emploi-et-insertion", "sante", "culture", "habitat-et-logement", "reussite-educative");

    private static List<Record> records;

    private BenchCatalogue() {
    }

    /** The shared records, imported (and indexed) on the first call. */
    static synchronized List<Record> records(CatalogueApi catalogue, SearchApi search) {
        if (records == null || catalogue.find(records.get(0).id()).isEmpty()) {
            records = load(catalogue);
        }
        assertThat(search.awaitIndexed(Duration.ofMinutes(10))).isTrue();
        return records;
    }

    private static List<Record> load(CatalogueApi catalogue) {
        List<Record> all = new ArrayList<>();
        for (int start = 0; start < RECORDS; start += 1_000) {
            List<RecordFields> fields = new ArrayList<>();
            for (int i = start; i < Math.min(RECORDS, start + 1_000); i++) {
                fields.add(fields(i));
            }
            all.addAll(catalogue.importRecords(fields, true));
        }
        return List.copyOf(all);
    }

    private static RecordFields fields(int i) {
        return new RecordFields("Étude n° " + i + " : " + WORDS.get(i % WORDS.size()) + " et "
                + WORDS.get((i / 3) % WORDS.size()) + " dans les quartiers", null,
                List.of("Auteur " + (i % 300)), "Centre de ressources", Integer.toString(1990 + i % 35),
                i % 2 == 0 ? "rapport" : "étude", "fr",
                "Résumé : " + String.join(" ", WORDS.subList(0, 1 + i % WORDS.size())) + " " + i,
                List.of(T + SUBJECTS.get(i % SUBJECTS.size()), T + SUBJECTS.get((i / 5) % SUBJECTS.size())),
                List.of(), "bench-pages", AccessLevel.PUBLIC);
    }
}
