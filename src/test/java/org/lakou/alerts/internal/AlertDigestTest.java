package org.lakou.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.TestHttp.Response;
import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.catalogue.RecordStatus;
import org.lakou.members.MemberCategory;
import org.lakou.members.MemberStatus;
import org.lakou.members.NewMember;
import org.lakou.shared.JobLease;
import org.lakou.shared.Notifier;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Digests reach a real SMTP server (GreenMail): one e-mail per due alert listing only the records
 * first published since the last digest that match it and that members may see; a rerun, or two
 * nodes sweeping at once, never send the same digest twice; nothing new, no mail.
 */
class AlertDigestTest extends IntegrationTestBase {

    static final String LKT = "https://w3id.org/lakou/thesaurus/thematique/";
    static final String LKG = "https://w3id.org/lakou/thesaurus/territoires/";

    @Autowired
    AlertJobs jobs;
    @Autowired
    CatalogueApi catalogue;
    @Autowired
    AlertStore store;
    @Autowired
    AlertMatcher matcher;
    @Autowired
    DigestMail mail;
    @Autowired
    Notifier notifier;
    @Autowired
    AlertsProperties props;
    @Autowired
    JobLease lease;
    @Autowired
    org.lakou.shared.PublicUrl publicUrl;
    @Autowired
    org.lakou.search.SearchApi search;

    private final String run = Long.toString(System.nanoTime(), 36);

    private String newMember(String name) {
        String email = name + "-" + run + "@veille.test";
        memberApi.create(new NewMember(email, "Veilleur " + name, "Ville du Robert", MemberCategory.ASSOCIATION, null,
                PASSWORD));
        return email;
    }

    private TestHttp as(String email) {
        return anonymous().as(email, PASSWORD);
    }

    private String createAlert(String email, String concept) {
        Response r = as(email).post("/api/alerts", Map.of("name", "Veille " + run, "concepts", List.of(LKT + concept),
                "frequency", "daily"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private Record record(String title, String subject, AccessLevel level, boolean publish) {
        Record r = catalogue.create(new RecordFields(title + " " + run, null, List.of("Agence d'urbanisme", "ADUAM"),
                null, "2011-06", "rapport", "fr", null, List.of(LKT + subject), List.of(), null, level));
        return publish ? catalogue.publish(r.id()) : r;
    }

    private List<String> bodiesTo(String email) throws Exception {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : MAIL.getReceivedMessagesForDomain(email)) {
            out.add(m.getSubject() + "\n" + m.getContent());
        }
        return out;
    }

    /** Another app node: its own digest service over the same Mongo, catalogue and SMTP server. */
    private DigestService secondNode() {
        return new DigestService(store, matcher, mail, catalogue, memberApi, notifier, props, clock, search);
    }

    @Test
    void oneDigestPerPeriodWithOnlyTheMatchingNewRecords() throws Exception {
        String email = newMember("digest");
        Record before = record("Rapport publié avant l'alerte", "lien-social", AccessLevel.PUBLIC, true);
        String alertId = createAlert(email, "cohesion-sociale");

        Record match = record("Diagnostic du lien social", "lien-social", AccessLevel.PUBLIC, true); // narrower
        Record other = record("Santé des habitants", "sante", AccessLevel.PUBLIC, true);
        Record staffOnly = record("Note interne cohésion", "cohesion-sociale", AccessLevel.STAFF, true);
        Record draft = record("Brouillon cohésion", "cohesion-sociale", AccessLevel.PUBLIC, false);
        Record withdrawn = record("Retiré cohésion", "cohesion-sociale", AccessLevel.PUBLIC, true);
        catalogue.withdraw(withdrawn.id());
        catalogue.update(before.id(), before.version(), before.fields()); // an edit is not a new publication

        jobs.runDigests();
        assertThat(bodiesTo(email)).as("the day is not over").isEmpty();

        clock.advance(Duration.ofDays(1));
        jobs.runDigests();
        List<String> mails = bodiesTo(email);
        assertThat(mails).hasSize(1);
        String digest = mails.get(0);
        // sent by a job, outside any request, with lakou.public-url unset: the server's own port
        assertThat(digest).contains(match.title(), "Agence d'urbanisme, ADUAM — 2011-06",
                "  http://localhost:" + port + "/records/" + match.id() + "\r\n",
                "http://localhost:" + port + "/api/alerts/" + alertId + ")")
                .doesNotContain(other.title(), staffOnly.title(), draft.title(), withdrawn.title(), before.title());
        assertThat(digest).startsWith("Veille « Veille " + run + " » : 1 nouveau document");

        jobs.runDigests();
        secondNode().sweep();
        assertThat(bodiesTo(email)).as("the same period again: nothing more").hasSize(1);
        assertThat(as(email).get("/api/alerts/" + alertId).json().get("lastSent").isNull()).isFalse();

        clock.advance(Duration.ofDays(1));
        jobs.runDigests();
        assertThat(bodiesTo(email)).as("nothing new published: no mail").hasSize(1);
    }

    @Test
    void twoNodesSweepingAtOnceSendOneDigest() throws Exception {
        String email = newMember("nodes");
        createAlert(email, "sante");
        Record r = record("Contrat local de santé", "sante", AccessLevel.MEMBERS, true);
        clock.advance(Duration.ofDays(1));

        DigestService a = secondNode();
        DigestService b = secondNode();
        lease.tryAcquire(AlertJobs.LEASE, Duration.ofMinutes(5)); // this node holds the lease...
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> sweeps = List.of(a::sweep, b::sweep); // ...while two others sweep anyway
            int sent = 0;
            for (var f : pool.invokeAll(sweeps)) {
                sent += f.get();
            }
            assertThat(sent).isEqualTo(1);
        } finally {
            pool.shutdown();
            lease.release(AlertJobs.LEASE);
        }
        jobs.runDigests();
        assertThat(bodiesTo(email)).singleElement().asString().contains(r.title());
    }

    @Test
    void membersWhoseAccountIsNotActiveGetNothing() throws Exception {
        String email = newMember("suspendu");
        createAlert(email, "jeunesse");
        record("Jeunes des quartiers", "jeunesse", AccessLevel.PUBLIC, true);
        memberApi.setStatus(memberApi.findByEmail(email).orElseThrow().id(), MemberStatus.SUSPENDED);
        clock.advance(Duration.ofDays(1));
        jobs.runDigests();
        assertThat(bodiesTo(email)).isEmpty();
    }

    @Test
    void inactiveAlertsAreSilentAndResumeFromTheirReactivation() throws Exception {
        String email = newMember("pause");
        String id = createAlert(email, "culture");
        Map<String, Object> paused = Map.of("name", "Culture", "concepts", List.of(LKT + "culture"), "frequency",
                "daily", "active", false);
        assertThat(as(email).put("/api/alerts/" + id, paused, Map.of()).status()).isEqualTo(200);
        Record during = record("Festival de quartier", "culture", AccessLevel.PUBLIC, true);
        clock.advance(Duration.ofDays(1));
        jobs.runDigests();
        assertThat(bodiesTo(email)).as("paused").isEmpty();

        Map<String, Object> resumed = Map.of("name", "Culture", "concepts", List.of(LKT + "culture"), "frequency",
                "daily", "active", true);
        assertThat(as(email).put("/api/alerts/" + id, resumed, Map.of()).status()).isEqualTo(200);
        Record after = record("Médiathèque et habitants", "culture", AccessLevel.PUBLIC, true);
        clock.advance(Duration.ofDays(1));
        jobs.runDigests();
        assertThat(bodiesTo(email)).singleElement().asString().contains(after.title())
                .doesNotContain(during.title());
    }

    private static Record inMemory(String subject, String type, String territory, RecordStatus status, AccessLevel level) {
        return new Record("r", "t", null, List.of(), null, null, type, "fr", null, List.of(LKT + subject),
                List.of(territory), null, level, status, List.of(), List.of(), null, null, 1, false, List.of());
    }

    @Test
    void lakouAlertsPublicUrlStillOverridesTheLinksOfDigests() {
        AlertsProperties overridden = new AlertsProperties(props.interval(), props.zone(), props.maxPerMember(),
                props.maxRecords(), props.maxScan(), "https://veille.ville-caraibe.org/", props.signature(), false);
        AlertDocument a = new AlertDocument();
        a.id = "A1";
        a.name = "Cohésion";
        a.frequency = org.lakou.alerts.AlertFrequency.WEEKLY;
        var m = new org.lakou.members.Member("M1", "m@veille.test", "Marie", null, MemberCategory.ETAT,
                org.lakou.members.Role.MEMBER, MemberStatus.ACTIVE, null);
        String body = new DigestMail(overridden, publicUrl).compose("k", m, a, clock.instant(),
                List.of(inMemory("lien-social", "rapport", LKG + "lamentin", RecordStatus.PUBLISHED, AccessLevel.PUBLIC)))
                .body();
        assertThat(body).contains("\n  https://veille.ville-caraibe.org/records/r\n",
                "https://veille.ville-caraibe.org/api/alerts/A1)").doesNotContain("localhost");
    }

    @Test
    void typesAndTerritoriesNarrowAnAlertAndTerritoriesFollowTheThesaurus() {
        AlertDocument a = new AlertDocument();
        a.concepts = List.of(LKT + "cohesion-sociale");
        a.types = List.of("rapport", "étude");
        a.territories = List.of(LKG + "martinique");
        var test = matcher.of(a);
        RecordStatus pub = RecordStatus.PUBLISHED;
        assertThat(test.test(inMemory("lien-social", "étude", LKG + "lamentin", pub, AccessLevel.MEMBERS))).isTrue();
        assertThat(test.test(inMemory("lien-social", "étude", LKG + "guadeloupe", pub, AccessLevel.PUBLIC))).isFalse();
        assertThat(test.test(inMemory("lien-social", "revue", LKG + "lamentin", pub, AccessLevel.PUBLIC))).isFalse();
        assertThat(test.test(inMemory("sante", "rapport", LKG + "martinique", pub, AccessLevel.PUBLIC))).isFalse();
        assertThat(test.test(inMemory("lien-social", "rapport", LKG + "martinique", RecordStatus.WITHDRAWN,
                AccessLevel.PUBLIC))).isFalse();
        assertThat(test.test(inMemory("lien-social", "rapport", LKG + "martinique", pub, AccessLevel.STAFF))).isFalse();
    }
}
