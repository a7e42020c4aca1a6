package org.lakou.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.shared.Ids;

/** The forgotten-password path, anonymous from start to end, with real mail over GreenMail. */
class PasswordResetTest extends IntegrationTestBase {

    private static final Pattern CODE = Pattern.compile("rs_[A-Za-z0-9_-]{20,}");
    private static final String OLD = "an old password nobody remembers";
    private static final String NEW = "a fresh password, chosen today";

    private String newMember() {
        String email = "reset-" + Ids.newId().toLowerCase() + "@lakou.test";
        memberApi.create(new NewMember(email, "Lectrice oublieuse", "Ville caraïbe", MemberCategory.ASSOCIATION,
                Role.MEMBER, OLD));
        return email;
    }

    private static List<String> codesMailedTo(String email) throws Exception {
        List<String> codes = new ArrayList<>();
        for (MimeMessage m : MAIL.getReceivedMessagesForDomain(email)) {
            Matcher matcher = CODE.matcher(GreenMailUtil.getBody(m));
            if (matcher.find()) {
                codes.add(matcher.group());
            }
        }
        return codes;
    }

    private int ask(String email) {
        return anonymous().post("/api/members/password-reset", Map.of("email", email)).status();
    }

    private TestHttp.Response confirm(String code, String password) {
        return anonymous().post("/api/members/password-reset/confirm", Map.of("code", code, "password", password));
    }

    @Test
    void aMailedCodeSetsANewPasswordOnce() throws Exception {
        String email = newMember();
        assertThat(ask(email.toUpperCase())).isEqualTo(202);
        List<String> codes = codesMailedTo(email);
        assertThat(codes).hasSize(1);
        String code = codes.get(0);

        assertThat(confirm(code, "too short").status()).as("refused before the code is spent").isEqualTo(400);
        assertThat(confirm(code, NEW).status()).isEqualTo(204);

        assertThat(new TestHttp(baseUrl()).as(email, NEW).get("/api/members/me").status()).isEqualTo(200);
        assertThat(new TestHttp(baseUrl()).as(email, OLD).get("/api/members/me").status()).isEqualTo(401);
        TestHttp.Response again = confirm(code, "yet another long password");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("reason").asText()).isEqualTo("invalid-code");
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void unknownAddressesGetTheSameAnswerAndNoMail() throws Exception {
        String nobody = "nobody-" + Ids.newId().toLowerCase() + "@lakou.test";
        assertThat(ask(nobody)).isEqualTo(202);
        assertThat(MAIL.getReceivedMessagesForDomain(nobody)).isEmpty();
        assertThat(confirm("rs_" + "x".repeat(43), NEW).status()).isEqualTo(400);
    }

    @Test
    void oneAddressAsksOnlySoOftenThenWaits() {
        int status = 0;
        for (int i = 0; i < 25 && status != 429; i++) {
            status = ask("flood-" + i + "-" + Ids.newId().toLowerCase() + "@lakou.test");
        }
        assertThat(status).isEqualTo(429);
        TestHttp.Response refused = anonymous().post("/api/members/password-reset", Map.of("email", newMember()));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("reason").asText()).isEqualTo("reset-throttled");
        clock.advance(Duration.ofMinutes(16));
        assertThat(ask("after-" + Ids.newId().toLowerCase() + "@lakou.test")).isEqualTo(202);
    }

    @Test
    void aCodeExpiresAndAnAccountGetsAFewCodesAtMost() throws Exception {
        String email = newMember();
        for (int i = 0; i < 5; i++) {
            assertThat(ask(email)).isEqualTo(202);
        }
        List<String> codes = codesMailedTo(email);
        assertThat(codes).hasSize(3).doesNotHaveDuplicates();

        clock.advance(Duration.ofMinutes(61));
        assertThat(confirm(codes.get(0), NEW).status()).isEqualTo(400);
        assertThat(new TestHttp(baseUrl()).as(email, OLD).get("/api/members/me").status()).isEqualTo(200);
        // expired codes no longer count against the account
        assertThat(ask(email)).isEqualTo(202);
        assertThat(codesMailedTo(email)).hasSize(4);
    }
}
