package org.lakou;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * {@code lakou admin create --password-stdin}: the first administrator without a web server and
 * without a default password. What counts is what a server started afterwards on the same data
 * sees: the account logs in with the new password, has the administrator role, and exists once.
 * (bin/smoke does the same from the packaged jar, for a brand-new account.)
 */
class AdminCliTest {

    private static final String BOOTSTRAP = "amorce@ville-caraibe.test";
    private static final String CHEF = "chef@ville-caraibe.test";

    @Test
    void promotesAnExistingMemberWhoThenLogsInAsAdministratorOnceAndOnlyOnce(@TempDir Path data) {
        String dir = "--lakou.storage.data-dir=" + data;
        try (var server = server(data)) {
            TestHttp admin = http(server).as(BOOTSTRAP, "le mot de passe d'amorce");
            var created = admin.post("/api/members", Map.of("email", CHEF, "name", "Chef de service",
                    "category", "collectivite", "role", "member", "password", "mot de passe de membre"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(role(http(server).as(CHEF, "mot de passe de membre"))).isEqualToIgnoringCase("member");
        }

        assertThat(cli("un mot de passe assez long\n", "admin", "create", "--email", CHEF, "--password-stdin", dir))
                .isZero();
        assertThat(cli("un mot de passe assez long\n", "admin", "create", "--email", CHEF, "--password-stdin", dir))
                .as("running it again").isZero();
        assertThat(cli("court\n", "admin", "create", "--email", CHEF, "--password-stdin", dir))
                .as("a short password is refused").isEqualTo(2);

        try (var server = server(data)) {
            TestHttp chef = http(server).as(CHEF, "un mot de passe assez long");
            assertThat(role(chef)).as("promoted, and logs in with the password read from stdin")
                    .isEqualToIgnoringCase("admin");
            assertThat(http(server).as(CHEF, "mot de passe de membre").get("/api/members/me").status())
                    .as("the old password is gone").isEqualTo(401);
            JsonNode accounts = chef.get("/api/members?q=" + CHEF).json();
            int same = 0;
            for (JsonNode m : accounts) {
                same += CHEF.equals(m.get("email").asString()) ? 1 : 0;
            }
            assertThat(same).as("one account, not a duplicate").isEqualTo(1);
            assertThat(chef.get("/api/audit").status()).as("an administrator's page").isEqualTo(200);
        }
    }

    private static int cli(String stdin, String... args) {
        InputStream previous = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliLauncher.run(args);
        } finally {
            System.setIn(previous);
        }
    }

    private static ConfigurableApplicationContext server(Path data) {
        // arguments, not builder properties: those are defaults, below application.yaml's data-dir and admin
        return new SpringApplicationBuilder(LakouApplication.class).properties(Map.of("spring.main.banner-mode", "off"))
                .run("--server.port=0", "--lakou.storage.data-dir=" + data, "--lakou.members.bcrypt-strength=4",
                        "--lakou.members.admin-email=" + BOOTSTRAP, "--lakou.members.admin-password=le mot de passe d'amorce");
    }

    private static TestHttp http(ConfigurableApplicationContext server) {
        int port = ((WebServerApplicationContext) server).getWebServer().getPort();
        return new TestHttp("http://localhost:" + port);
    }

    private static String role(TestHttp account) {
        TestHttp.Response me = account.get("/api/members/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        return me.json().get("role").asString();
    }
}
