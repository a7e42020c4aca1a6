package org.lakou.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.circulation.CirculationApi;
import org.lakou.circulation.Fixtures;
import org.lakou.members.MemberCategory;
import org.lakou.site.Pages;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A record's copies at the staff desk (/gestion/exemplaires/{recordId}): added and edited through
 * the form, with the live status from circulation, and refused with a clear 4xx and the reason on
 * the page: a barcode already used, a malformed barcode, a status only circulation may set.
 */
class CopyPagesTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    CirculationApi circulation;

    private Pages staff() {
        Pages p = new Pages(baseUrl());
        p.login(DOCUMENTALIST, PASSWORD);
        return p;
    }

    @Test
    void aDocumentalistAddsAndEditsACopy() {
        Fixtures f = new Fixtures(catalogue, memberApi);
        Record r = f.record("étude", 0);
        String barcode = "PG" + Long.toString(System.nanoTime(), 36);
        Pages p = staff();
        Pages.Page page = p.get("/gestion/exemplaires/" + r.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(r.title(), "Aucun exemplaire");

        Pages.Page added = p.post("/gestion/exemplaires/" + r.id(), Map.of("barcode", barcode, "cote", "362 MED",
                "localisation", "Salle de lecture", "statut", "in-processing"), page);
        assertThat(added.status()).isEqualTo(302);
        assertThat(catalogue.get(r.id()).copies()).containsExactly(
                new Copy(barcode, "362 MED", "Salle de lecture", CopyStatus.IN_PROCESSING));
        Pages.Page after = p.get(added.location());
        assertThat(after.body()).contains("Exemplaire " + barcode + " enregistré", "362 MED");

        Pages.Page edited = p.post("/gestion/exemplaires/" + r.id() + "/" + barcode,
                Map.of("cote", "362.5 MED", "localisation", "", "statut", "available"), after);
        assertThat(edited.status()).isEqualTo(302);
        assertThat(catalogue.get(r.id()).copies()).containsExactly(
                new Copy(barcode, "362.5 MED", null, CopyStatus.AVAILABLE));
    }

    @Test
    void aDuplicateBarcodeIsA409WithTheReasonAndTheFormAsTyped() {
        Fixtures f = new Fixtures(catalogue, memberApi);
        Record holder = f.record("étude", 1);
        Record other = f.record("guide", 0);
        String taken = f.barcodes(holder).get(0);
        Pages p = staff();
        Pages.Page page = p.get("/gestion/exemplaires/" + other.id());
        Pages.Page refused = p.post("/gestion/exemplaires/" + other.id(),
                Map.of("barcode", taken, "cote", "999 DUP"), page);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("id=\"copy-add-error\"", "Barcode " + taken + " is already used")
                .contains("value=\"999 DUP\"");
        assertThat(catalogue.get(other.id()).copies()).isEmpty();
    }

    @Test
    void aMalformedBarcodeOrALiveStatusIsA400() {
        Fixtures f = new Fixtures(catalogue, memberApi);
        Record r = f.record("étude", 1);
        Pages p = staff();
        Pages.Page page = p.get("/gestion/exemplaires/" + r.id());
        Pages.Page bad = p.post("/gestion/exemplaires/" + r.id(), Map.of("barcode", "a b/c"), page);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("barcode: letters, digits");
        Pages.Page live = p.post("/gestion/exemplaires/" + r.id() + "/" + f.barcodes(r).get(0),
                Map.of("statut", "on-loan"), page);
        assertThat(live.status()).isEqualTo(400);
        assertThat(live.body()).contains("id=\"copy-edit-error\"", "only through circulation");
        assertThat(catalogue.get(r.id()).copies().get(0).status()).isEqualTo(CopyStatus.AVAILABLE);
    }

    @Test
    void theListShowsACopyOnLoanAsOnLoan() {
        Fixtures f = new Fixtures(catalogue, memberApi);
        Record r = f.record("étude", 1);
        circulation.checkout(f.barcodes(r).get(0), f.member(MemberCategory.ASSOCIATION).id());
        Pages.Page page = staff().get("/gestion/exemplaires/" + r.id());
        assertThat(page.body()).contains(">en prêt<");
        assertThat(staff().get("/gestion/exemplaires/no-such-record").status()).isEqualTo(404);
        circulation.checkin(f.barcodes(r).get(0), false);
    }

    @Test
    void membersAreRefused() {
        Pages member = new Pages(baseUrl());
        member.login(MEMBER, PASSWORD);
        assertThat(member.get("/gestion/exemplaires/x").status()).isEqualTo(403);
        assertThat(List.of(member.get("/gestion/etiquettes").status())).containsExactly(403);
    }
}
