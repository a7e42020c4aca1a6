package org.lakou.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.DocumentTypes;
import org.lakou.members.MemberCategory;
import org.lakou.site.Pages;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The loan policy grid ({@code /gestion/admin/politique}): a saved cell is a row of the table the
 * circulation API answers with, an emptied cell removes its row, and a grid with a faulty cell is
 * refused whole, each faulty cell marked. Cells of rarely used pairs, removed afterwards, so other
 * tests sharing the server keep their rules.
 */
class PolicyPagesTest extends IntegrationTestBase {

    private static final String PATH = "/gestion/admin/politique";

    @Autowired
    CirculationApi circulation;

    @AfterEach
    void removeTestRows() {
        for (String type : new String[] {"annuaire", "actes"}) {
            circulation.policies().stream().filter(p -> p.documentType().equals(type)
                    && p.category().equals("bailleur-entreprise")).forEach(p -> circulation.deletePolicy(p.category(), type));
        }
    }

    private Pages as(String email) {
        Pages p = new Pages(baseUrl());
        assertThat(p.login(email, PASSWORD).status()).isEqualTo(302);
        return p;
    }

    /** The form field prefix of a cell: row = document type, column = member category, by position. */
    private static String cell(String type, MemberCategory category) {
        return "c" + DocumentTypes.KNOWN.indexOf(type) + "-" + category.ordinal() + ".";
    }

    private static Map<String, String> values(String type, String max, String days, String renewals, boolean blocks) {
        String f = cell(type, MemberCategory.BAILLEUR_ENTREPRISE);
        Map<String, String> m = new HashMap<>(Map.of(f + "maxLoans", max, f + "loanDays", days, f + "maxRenewals",
                renewals));
        if (blocks) {
            m.put(f + "overdueBlocks", "on");
        }
        return m;
    }

    private Policy row(String type) {
        return circulation.policies().stream().filter(p -> p.category().equals("bailleur-entreprise")
                && p.documentType().equals(type)).findFirst().orElse(null);
    }

    @Test
    void onlyAdministratorsSeeOrChangeTheGrid() {
        Pages doc = as(DOCUMENTALIST);
        assertThat(doc.get(PATH).status()).isEqualTo(403);
        assertThat(doc.post(PATH, values("annuaire", "1", "7", "0", false), doc.get("/gestion")).status())
                .isEqualTo(403);
        assertThat(as(MEMBER).get(PATH).status()).isEqualTo(403);
        assertThat(row("annuaire")).isNull();
    }

    @Test
    void aSavedCellIsARowOfTheTableAndAnEmptiedCellRemovesIt() {
        Pages admin = as(ADMIN);
        Pages.Page grid = admin.get(PATH);
        assertThat(grid.status()).isEqualTo(200);
        assertThat(grid.body()).contains("id=\"policy-grid\"", "Bailleur social ou entreprise", "annuaire");
        Pages.Page saved = admin.post(PATH, values("annuaire", "3", "14", "1", true), grid);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(row("annuaire")).isEqualTo(new Policy("bailleur-entreprise", "annuaire", 3, 14, 1, true));
        String f = cell("annuaire", MemberCategory.BAILLEUR_ENTREPRISE);
        Pages.Page again = admin.get(PATH);
        assertThat(again.body()).contains("Les règles de prêt sont enregistrées")
                .contains("name=\"" + f + "loanDays\" value=\"14\"");
        admin.post(PATH, values("annuaire", "", "", "", false), again);
        assertThat(row("annuaire")).isNull();
    }

    @Test
    void aGridWithFaultyCellsIsRefusedWholeAndMarksEachOne() {
        Pages admin = as(ADMIN);
        Pages.Page grid = admin.get(PATH);
        Map<String, String> form = new HashMap<>(values("annuaire", "2", "0", "1", false));
        form.putAll(values("actes", "2", "10", "1", false));
        String third = cell("rapport", MemberCategory.BAILLEUR_ENTREPRISE);
        form.put(third + "maxLoans", "deux");
        form.put(third + "loanDays", "10");
        form.put(third + "maxRenewals", "");
        Pages.Page refused = admin.post(PATH, form, grid);
        assertThat(refused.status()).isEqualTo(400);
        String annuaire = cell("annuaire", MemberCategory.BAILLEUR_ENTREPRISE);
        assertThat(refused.body()).contains("Rien n’est enregistré : 2 cellules sont à corriger")
                .contains("id=\"" + annuaire.replace(".", "") + "-error\"", "durée de 1 à 365 jours")
                .contains("id=\"" + third.replace(".", "") + "-error\"", "Remplissez les trois nombres")
                .contains("value=\"deux\"");
        assertThat(row("annuaire")).isNull();
        assertThat(row("actes")).as("a valid cell of a refused grid is not saved either").isNull();
        assertThat(admin.get(PATH + "?lang=en").body()).contains("Any category (*)");
        Pages.Page en = admin.post(PATH, values("annuaire", "x", "1", "1", false), grid);
        assertThat(en.body()).contains("Whole numbers only");
    }
}
