package org.lakou.members.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.lakou.members.MemberCategory;
import org.lakou.members.NewMember;
import org.lakou.members.Role;
import org.lakou.shared.ApiException;
import org.lakou.shared.CliCommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lakou admin create --email … (--password … | --password-stdin)}: the first administrator. */
@Component
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Manage administrator accounts.")
class AdminCommand implements CliCommand {

    private final MemberService members;

    AdminCommand(MemberService members) {
        this.members = members;
    }

    @Override
    public Integer call() {
        System.err.println("Usage: lakou admin create --email <e-mail> (--password <p> | --password-stdin)");
        return 2;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an administrator, or promote an existing account and set its password.")
    int create(@Option(names = "--email", required = true) String email,
            @Option(names = "--name", defaultValue = "Administrator") String name,
            @Option(names = "--password", description = "visible in the process list; prefer --password-stdin")
            String password,
            @Option(names = "--password-stdin", description = "read the password from the first line of stdin")
            boolean fromStdin) throws IOException {
        if (fromStdin) {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (password == null || password.length() < 12) {
            System.err.println("A password of at least 12 characters is required (--password or --password-stdin).");
            return 2;
        }
        var existing = members.findByEmail(email);
        try {
            if (existing.isPresent()) {
                members.setRole(existing.get().id(), Role.ADMIN);
                members.setPassword(existing.get().id(), password);
                System.out.println("Account " + email + " is now an administrator; its password was set.");
            } else {
                var m = members.create(new NewMember(email, name, null, MemberCategory.AUTRE, Role.ADMIN, password));
                System.out.println("Administrator " + email + " created (id " + m.id() + ").");
            }
            return 0;
        } catch (ApiException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
