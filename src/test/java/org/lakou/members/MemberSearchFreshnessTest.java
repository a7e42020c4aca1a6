package org.lakou.members;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;

/**
 * The staff's member search runs over an in-memory copy of the accounts; a new account, a new
 * name and a new category must all be found by the next search.
 */
class MemberSearchFreshnessTest extends IntegrationTestBase {

    @Test
    void searchesSeeEveryAccountWrite() {
        String token = Long.toString(System.nanoTime());
        assertThat(memberApi.list("Ophélie " + token, null, 0, 50)).isEmpty();
        Member m = memberApi.create(new NewMember("recherche-" + token + "@adherents.test", "Ophélie " + token,
                "Maison de quartier", MemberCategory.ASSOCIATION, Role.MEMBER, null));
        assertThat(memberApi.list("ophélie " + token, null, 0, 50)).extracting(Member::id).containsExactly(m.id());
        assertThat(memberApi.list("MAISON DE QUARTIER", Role.MEMBER, MemberCategory.ASSOCIATION, 0, 500))
                .extracting(Member::id).contains(m.id());

        memberApi.update(m.id(),
                new MemberProfile(m.email(), "Gaëlle " + token, "Mairie", MemberCategory.COLLECTIVITE));
        assertThat(memberApi.list("Ophélie " + token, null, 0, 50)).isEmpty();
        assertThat(memberApi.list("gaëlle " + token, Role.MEMBER, MemberCategory.COLLECTIVITE, 0, 50))
                .extracting(Member::name).containsExactly("Gaëlle " + token);
        assertThat(memberApi.list("gaëlle " + token, null, MemberCategory.ASSOCIATION, 0, 50)).isEmpty();

        memberApi.setRole(m.id(), Role.DOCUMENTALIST);
        assertThat(memberApi.list("gaëlle " + token, Role.MEMBER, null, 0, 50)).isEmpty();
        assertThat(memberApi.list("gaëlle " + token, Role.DOCUMENTALIST, null, 0, 50)).hasSize(1);
    }
}
