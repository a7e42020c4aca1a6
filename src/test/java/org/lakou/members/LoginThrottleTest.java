package org.lakou.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.TestHttp;
import org.lakou.TestHttp.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Login throttling keyed by account and client address. The client address is what the server
 * derives from the request: with {@code forward-headers-strategy: framework} that is the
 * {@code X-Forwarded-For} a proxy sets, which lets this test speak from several addresses.
 */
class LoginThrottleTest extends IntegrationTestBase {

    private static final String METER = "lakou.login.throttled";

    @Autowired
    MeterRegistry meters;

    private String newAccount(Role role) {
        String email = "throttle-" + System.nanoTime() + "@lakou.test";
        memberApi.create(new NewMember(email, "Compte throttle", null, MemberCategory.ETAT, role, PASSWORD));
        return email;
    }

    private Response login(String email, String password, String fromAddress) {
        TestHttp client = anonymous().as(email, password);
        return client.send(HttpRequest.newBuilder(client.uri("/api/members/me")).GET(),
                Map.of("X-Forwarded-For", fromAddress));
    }

    private double refused(String reason) {
        Counter c = meters.find(METER).tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aStrangerLocksOnlyThemselvesOutNotTheOwner() {
        String owner = newAccount(Role.DOCUMENTALIST);
        String stranger = "203.0.113." + (System.nanoTime() % 200 + 1);
        double before = refused("account-ip");
        for (int i = 0; i < 5; i++) {
            assertThat(login(owner, "wrong password " + i, stranger).status()).isEqualTo(401);
        }
        Response fromStranger = login(owner, PASSWORD, stranger);
        assertThat(fromStranger.status()).as("the guessing address stays locked out, even with the password")
                .isEqualTo(429);
        assertThat(fromStranger.json().get("reason").asString()).isEqualTo("login-throttled");

        assertThat(login(owner, PASSWORD, "198.51.100.20").status()).as("the owner at the desk").isEqualTo(200);
        assertThat(refused("account-ip")).isEqualTo(before + 1);
    }

    @Test
    void slowGuessingFromManyAddressesHitsTheAccountCeiling() {
        String owner = newAccount(Role.DOCUMENTALIST);
        double before = refused("account");
        // 50 failures (the default ceiling), 4 per address: no address ever reaches its own limit of 5
        for (int i = 0; i < 50; i++) {
            String address = "192.0.2." + (i / 4 + 1);
            assertThat(login(owner, "guess " + i, address).status()).as("guess " + i).isEqualTo(401);
        }
        Response locked = login(owner, PASSWORD, "198.51.100.77");
        assertThat(locked.status()).as("the account is refused everywhere once the ceiling is reached")
                .isEqualTo(429);
        assertThat(locked.header("Retry-After")).isNotBlank();
        assertThat(refused("account")).isEqualTo(before + 1);
    }

    @Test
    void refusalsAreVisibleInActuatorMetrics() {
        String owner = newAccount(Role.MEMBER);
        String address = "203.0.113.250";
        for (int i = 0; i < 5; i++) {
            login(owner, "wrong " + i, address);
        }
        assertThat(login(owner, PASSWORD, address).status()).isEqualTo(429);
        Response metric = admin().get("/actuator/metrics/" + METER + "?tag=reason:account-ip");
        assertThat(metric.status()).as(metric.body()).isEqualTo(200);
        assertThat(metric.json().get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1);
    }
}
