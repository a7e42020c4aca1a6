package org.lakou.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.TestHttp.Response;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.members.Member;
import org.lakou.members.MemberCategory;
import org.lakou.members.MemberStatus;
import org.springframework.beans.factory.annotation.Autowired;

/** The policy table's limits, over HTTP: each refusal is a 409 ProblemDetail with its reason. */
class PolicyLimitsTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;

    private Response checkout(TestHttp desk, String barcode, Member m) {
        return desk.post("/api/loans", Map.of("barcode", barcode, "memberId", m.id()));
    }

    private static void refused(Response r, String reason) {
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("reason").asString()).isEqualTo(reason);
    }

    @Test
    void quotaRenewalsAndOverdueBlocking() {
        TestHttp desk = documentalist();
        Fixtures f = new Fixtures(catalogue, memberApi);
        assertThat(desk.put("/api/policies", Map.of("category", "association", "documentType", "actes", "maxLoans", 2,
                "loanDays", 10, "maxRenewals", 1, "overdueBlocks", true), Map.of()).status())
                .as("only administrators change the table").isEqualTo(403);
        assertThat(admin().put("/api/policies", Map.of("category", "association", "documentType", "actes",
                "maxLoans", 2, "loanDays", 10, "maxRenewals", 1, "overdueBlocks", true), Map.of()).status())
                .isEqualTo(200);
        admin().put("/api/policies", Map.of("category", "etat", "documentType", "actes", "maxLoans", 3,
                "loanDays", 10, "maxRenewals", 0, "overdueBlocks", false), Map.of());
        Record r = f.record("actes", 5);
        var copies = f.barcodes(r);
        Member asso = f.member(MemberCategory.ASSOCIATION);

        Response first = checkout(desk, copies.get(0), asso);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("due").asString()).isNotBlank();
        refused(checkout(desk, copies.get(0), asso), "copy-on-loan");
        assertThat(checkout(desk, copies.get(1), asso).status()).isEqualTo(201);
        refused(checkout(desk, copies.get(2), asso), "quota-reached");

        // renewals: one allowed, by the borrower themself too
        TestHttp assoHttp = anonymous().as(asso.email(), "mot de passe très long " + asso.name().replaceAll("\\D", ""));
        Response renewed = assoHttp.post("/api/loans/" + copies.get(0) + "/renew", null);
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
        refused(desk.post("/api/loans/" + copies.get(0) + "/renew", null), "renewals-exhausted");
        assertThat(member().post("/api/loans/" + copies.get(1) + "/renew", null).status())
                .as("another member's loan").isEqualTo(403);

        // overdue blocks new loans for associations...
        assertThat(desk.post("/api/loans/return", Map.of("barcode", copies.get(0))).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(11));
        refused(checkout(desk, copies.get(2), asso), "overdue-blocked");
        assertThat(desk.get("/api/loans/overdue").json().valueStream()
                .anyMatch(l -> l.get("barcode").asString().equals(copies.get(1)))).isTrue();
        // ...but not for State agents, whose row says so
        Member etat = f.member(MemberCategory.ETAT);
        assertThat(checkout(desk, copies.get(2), etat).status()).isEqualTo(201);
        clock.advance(Duration.ofDays(11));
        assertThat(checkout(desk, copies.get(3), etat).status()).isEqualTo(201);
        refused(desk.post("/api/loans/" + copies.get(2) + "/renew", null), "renewals-exhausted");

        // suspended members and lost copies
        Member other = f.member(MemberCategory.COLLECTIVITE);
        // a loan just before, so the member is fresh in the node's short-lived member cache
        assertThat(checkout(desk, copies.get(4), other).status()).isEqualTo(201);
        assertThat(desk.post("/api/loans/return", Map.of("barcode", copies.get(4))).status()).isEqualTo(200);
        memberApi.setStatus(other.id(), MemberStatus.SUSPENDED);
        refused(checkout(desk, copies.get(4), other), "member-suspended");
        assertThat(desk.post("/api/loans/" + copies.get(3) + "/lost", null).json().get("outcome").asString())
                .isEqualTo("LOST");
        memberApi.setStatus(other.id(), MemberStatus.ACTIVE);
        refused(checkout(desk, copies.get(3), other), "not-loanable");

        // the history keeps every finished loan, per member and per copy
        assertThat(desk.get("/api/loans/history?memberId=" + asso.id()).json().size()).isEqualTo(1);
        assertThat(desk.get("/api/loans/history?barcode=" + copies.get(3)).json().get(0).get("outcome").asString())
                .isEqualTo("LOST");
        assertThat(assoHttp.get("/api/loans/mine").json().get(0).get("barcode").asString()).isEqualTo(copies.get(1));
        assertThat(assoHttp.get("/api/loans/mine/history").json().size()).isEqualTo(1);
    }
}
