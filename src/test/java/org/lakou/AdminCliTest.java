package org.lakou;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lakou admin create}: the first administrator without a web server and without a default password. */
class AdminCliTest {

    @Test
    void createsTheFirstAdministratorThenPromotesIdempotently(@TempDir Path data) {
        String dir = "--lakou.storage.data-dir=" + data;
        assertThat(CliLauncher.run(new String[] {"admin", "create", "--email", "chef@ville-caraibe.test",
                "--password", "un mot de passe assez long", dir})).isZero();
        assertThat(CliLauncher.run(new String[] {"admin", "create", "--email", "chef@ville-caraibe.test",
                "--password", "un autre mot de passe long", dir})).as("an existing account is promoted, not duplicated")
                .isZero();
    }
}
