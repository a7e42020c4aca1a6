package org.lakou.catalogue;

import java.util.List;

/**
 * The document types of the network's cataloguing practice (the labels of the starter thesaurus's
 * document-type scheme). {@code autre} catches what a partner centre sends that fits none of them.
 */
public final class DocumentTypes {

    public static final List<String> KNOWN = List.of(
            "guide méthodologique", "étude", "rapport", "compte rendu", "lettre d'information",
            "dossier thématique", "fiche d'expérience", "actes", "annuaire", "ouvrage", "article",
            "texte réglementaire", "appel à projets", "thèse et mémoire", "support de formation",
            "revue", "document audiovisuel", "autre");

    private DocumentTypes() {
    }

    public static boolean isKnown(String type) {
        return type != null && KNOWN.contains(type);
    }
}
