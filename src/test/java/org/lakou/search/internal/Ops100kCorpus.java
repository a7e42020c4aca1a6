package org.lakou.search.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.DocumentTypes;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.ImportedRecord;
import org.lakou.catalogue.RecordFields;
import org.lakou.catalogue.TextStatus;
import org.lakou.thesaurus.Concept;

/**
 * Records in the style of an urban-policy resource centre: a title, an abstract, subjects and a
 * territory from the starter thesaurus, and ~1,500 words of French text from a sentence grammar.
 * Words are drawn with a skewed (Zipf-like) choice over a few hundred nouns, adjectives, verbs,
 * places, people and the thesaurus labels, plus numbers, so term frequencies spread as in real text.
 */
final class Ops100kCorpus {

    static final String[] NOUNS = ("habitant quartier bailleur association collectivité commune ville agglomération "
            + "contrat programme dispositif diagnostic évaluation projet atelier réunion comité convention partenariat "
            + "financement subvention budget crédit opération chantier logement immeuble résidence équipement école "
            + "collège lycée élève parent famille jeune adolescent senior médiateur éducateur animateur travailleur "
            + "délégué préfet maire élu conseil service agent acteur réseau centre structure maison espace jardin "
            + "place rue transport mobilité emploi chômage formation insertion entreprise commerce marché santé "
            + "prévention sécurité tranquillité délinquance violence justice droit accès culture sport loisir "
            + "numérique information participation concertation démocratie citoyenneté laïcité égalité discrimination "
            + "pauvreté précarité revenu dette foyer ménage enfance petite-enfance crèche périscolaire décrochage "
            + "rénovation démolition reconstruction relogement copropriété loyer charge peuplement mixité cohésion "
            + "solidarité lien voisinage proximité gestion entretien propreté déchet environnement énergie "
            + "climat risque cyclone séisme littoral mangrove patrimoine mémoire histoire identité créole langue "
            + "indicateur observatoire donnée statistique enquête étude rapport bilan synthèse recommandation "
            + "orientation objectif priorité enjeu difficulté besoin ressource moyen outil méthode démarche").split(" ");
    static final String[] ADJECTIVES = ("social sociale urbain urbaine local locale prioritaire public publique "
            + "associatif associative éducatif éducative économique durable solidaire collectif collective "
            + "partenarial territorial territoriale intercommunal communal communale départemental régional "
            + "caribéen martiniquais martiniquaise guadeloupéen guyanais ultramarin national nationale nouveau "
            + "nouvelle ancien ancienne important importante fragile vulnérable dégradé dégradée insalubre "
            + "innovant innovante expérimental expérimentale participatif participative concerté concertée "
            + "annuel annuelle pluriannuel triennal quotidien quotidienne premier première dernier dernière "
            + "significatif significative croissant croissante forte faible majeur majeure réel réelle").split(" ");
    static final String[] VERBS = ("accompagne renforce soutient finance développe améliore favorise mobilise "
            + "coordonne structure évalue mesure observe analyse présente propose recommande prévoit engage "
            + "organise anime réunit associe consolide élargit réduit limite prévient traite identifie "
            + "interroge questionne décrit retrace montre souligne rappelle confirme nuance complète").split(" ");
    static final String[] PLACES = ("Fort-de-France Le-Lamentin Schœlcher Sainte-Marie Le-Robert Le-François "
            + "La-Trinité Rivière-Pilote Ducos Saint-Pierre Le-Marin Sainte-Luce Volga-Plage Trénelle Dillon "
            + "Terres-Sainville Ermitage Bellevue Texaco Canal-Alaric Pointe-à-Pitre Les-Abymes Cayenne "
            + "Kourou Saint-Laurent-du-Maroni Basse-Terre Baie-Mahault Le-Gosier Sainte-Anne").split(" ");
    static final String[] PEOPLE = ("Théodore Joseph-Angélique Bellerose Nicolas Marie-Sainte Lordinot Césaire "
            + "Pierre-Louis Rosier Alexandre Valentin Duféal Letchimy Monplaisir Darsières Laguerre").split(" ");
    static final String[] CONNECTORS = {"Par ailleurs,", "En outre,", "Dans ce cadre,", "Toutefois,", "Ainsi,",
        "De plus,", "En effet,", "Au total,", "Dans le même temps,", "À cet égard,", "Enfin,", "Pour autant,"};
    static final String[] KINDS = {"Diagnostic", "Évaluation", "Guide méthodologique", "Actes des rencontres",
        "Étude", "Bilan", "Fiche d'expérience", "Dossier", "Synthèse", "Rapport d'activité"};

    private final Random random;
    private final List<Concept> subjects;
    private final List<String> territories;
    private final List<String> labels;
    private int made;

    Ops100kCorpus(long seed, List<Concept> subjects, List<String> territories) {
        this.random = new Random(seed);
        this.subjects = subjects;
        this.territories = territories;
        this.labels = subjects.stream().map(c -> c.label("fr")).toList();
    }

    /** The next {@code n} records; each carries a text file named by its SHA-256, as ingest names files. */
    List<ImportedRecord> next(int n) {
        List<ImportedRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++, made++) {
            Concept s1 = pick(subjects);
            Concept s2 = pick(subjects);
            String place = pick(PLACES).replace('-', ' ');
            String title = KINDS[random.nextInt(KINDS.length)] + " : " + s1.label("fr") + " et " + s2.label("fr")
                    + " à " + place + " (" + made + ")";
            String text = text(1_500);
            String date = (1990 + random.nextInt(36)) + "-" + String.format("%02d", 1 + random.nextInt(12));
            RecordFields f = new RecordFields(title, null, List.of(pick(PEOPLE) + " " + pick(PEOPLE)),
                    "Centre de ressources politique de la ville de Martinique", date,
                    DocumentTypes.KNOWN.get(random.nextInt(DocumentTypes.KNOWN.size() - 1)), "fr",
                    sentence() + " " + sentence() + " " + sentence(), List.of(s1.uri(), s2.uri()),
                    List.of(territories.get(random.nextInt(territories.size()))),
                    "Fonds " + (1 + random.nextInt(8)), AccessLevel.PUBLIC);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            FileRef file = new FileRef(sha256(bytes), "texte-" + made + ".txt", "text/plain", bytes.length, null,
                    text.length(), false, TextStatus.EXTRACTED);
            out.add(new ImportedRecord(f, file, text));
        }
        return out;
    }

    String text(int words) {
        StringBuilder b = new StringBuilder(words * 8);
        int count = 0;
        while (count < words) {
            String s = sentence();
            if (random.nextInt(5) == 0) {
                s = CONNECTORS[random.nextInt(CONNECTORS.length)] + " " + Character.toLowerCase(s.charAt(0))
                        + s.substring(1);
            }
            b.append(s).append(random.nextInt(8) == 0 ? "\n\n" : " ");
            count += s.split(" ").length;
        }
        return b.toString();
    }

    /** Subject, verb, object, then one or two complements: a place, a concept, a figure, a person. */
    private String sentence() {
        StringBuilder b = new StringBuilder();
        b.append(cap(article() + zipf(NOUNS))).append(' ').append(zipf(ADJECTIVES)).append(' ')
                .append(zipf(VERBS)).append(' ').append(article()).append(zipf(NOUNS)).append(' ')
                .append(zipf(ADJECTIVES));
        int complements = 1 + random.nextInt(3);
        for (int i = 0; i < complements; i++) {
            switch (random.nextInt(6)) {
                case 0 -> b.append(" à ").append(pick(PLACES).replace('-', ' '));
                case 1, 2 -> b.append(" en matière de ").append(zipfLabel());
                case 3 -> b.append(" pour ").append(random.nextInt(2_000)).append(" ").append(zipf(NOUNS)).append("s");
                case 4 -> b.append(" selon ").append(pick(PEOPLE));
                default -> b.append(" avec le ").append(zipf(NOUNS)).append(" du ").append(zipf(NOUNS));
            }
        }
        return b.append('.').toString();
    }

    private String article() {
        return switch (random.nextInt(4)) {
            case 0 -> "le ";
            case 1 -> "la ";
            case 2 -> "chaque ";
            default -> "un ";
        };
    }

    /** Index skewed towards the start: a few words are very common, most are rare. */
    private String zipf(String[] words) {
        double u = random.nextDouble();
        return words[(int) (words.length * u * u * u)];
    }

    private String zipfLabel() {
        double u = random.nextDouble();
        return labels.get((int) (labels.size() * u * u)).toLowerCase();
    }

    private <T> T pick(List<T> xs) {
        return xs.get(random.nextInt(xs.size()));
    }

    private String pick(String[] xs) {
        return xs[random.nextInt(xs.length)];
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
