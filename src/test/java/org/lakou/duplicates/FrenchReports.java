package org.lakou.duplicates;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Reports of one resource centre, written on the fly: every report opens with the same
 * presentation of the centre and draws on the same vocabulary of the politique de la ville, but
 * the body of each (its seed) is its own, as two annual reports of a centre are. Phrases are at
 * most four words, so two reports share a 5-word run only where they chance on the same two
 * phrases in a row.
 */
public final class FrenchReports {

    static final String CENTRE = "Le centre de ressources Ville caraïbe accompagne depuis 2001 les professionnels "
            + "de la politique de la ville en Martinique, en Guadeloupe et en Guyane. Il documente les quartiers "
            + "prioritaires, anime des réseaux d'acteurs et qualifie les élus, les agents des collectivités et les "
            + "associations.";

    private static final String[] SUBJECTS = {"Les habitants", "La commune", "Le conseil citoyen",
        "Les associations de quartier", "L'équipe de médiation", "Le bailleur social", "La caisse d'allocations",
        "Les jeunes adultes", "Le service jeunesse", "Les élus municipaux", "La préfecture", "Les animateurs",
        "Le collège du secteur", "Les commerçants", "La mission locale", "Le délégué du préfet"};
    private static final String[] VERBS = {"ont engagé", "soutient", "évalue", "a renforcé", "organisent",
        "financent", "coordonne", "ont relancé", "accompagnent", "prépare", "mesure", "ont ouvert", "animent",
        "développe", "a signé", "examinent"};
    private static final String[] OBJECTS = {"un atelier d'écriture", "la rénovation urbaine",
        "le programme de réussite éducative", "les permanences d'accès aux droits", "un diagnostic partagé",
        "la gestion urbaine de proximité", "le contrat de ville", "les chantiers d'insertion", "un jardin partagé",
        "la tranquillité publique", "les actions de prévention", "le relogement des familles",
        "une maison du projet", "les cours de français", "la médiation sociale", "un forum de l'emploi"};
    private static final String[] PLACES = {"à Fort-de-France", "au Lamentin", "à Sainte-Marie", "au Robert",
        "à Schoelcher", "à Cayenne", "à Pointe-à-Pitre", "à Kourou", "aux Abymes", "à Saint-Laurent",
        "dans le quartier Volga", "à Trénelle", "au Marin", "à Rivière-Pilote", "à Basse-Pointe", "au François"};
    private static final String[] WHEN = {"depuis le printemps", "cette année", "en lien avec l'État",
        "avec peu de moyens", "pour trois ans", "chaque mercredi", "avant la rentrée", "malgré la crise",
        "avec les partenaires", "pendant l'été", "au second semestre", "sur deux quartiers", "en fin d'année",
        "avec succès", "à titre expérimental", "pour la première fois"};

    private FrenchReports() {
    }

    /** {@code pages} pages of about 230 words, the first opening with the centre's presentation. */
    public static List<String> report(long seed, int pages) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            StringBuilder page = new StringBuilder(p == 0 ? CENTRE + " " : "");
            for (int s = 0; s < 18; s++) {
                page.append(pick(random, SUBJECTS)).append(' ').append(pick(random, VERBS)).append(' ')
                        .append(pick(random, OBJECTS)).append(' ').append(pick(random, PLACES)).append(' ')
                        .append(pick(random, WHEN)).append(", avec ").append(10 + random.nextInt(490))
                        .append(" participants. ");
            }
            out.add(page.toString().strip());
        }
        return out;
    }

    /** A text PDF with one page per string, set in {@code font}. */
    public static Path pdf(Path file, String title, List<String> pages, Standard14Fonts.FontName font)
            throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (String text : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(font), 10);
                    content.setLeading(13);
                    content.newLineAtOffset(40, 740);
                    for (String line : lines(text, font == Standard14Fonts.FontName.COURIER ? 88 : 105)) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            doc.getDocumentInformation().setTitle(title);
            doc.save(file.toFile());
        }
        return file;
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static List<String> lines(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
