package org.lakou.members.internal;

import org.lakou.members.MemberCategory;
import org.lakou.members.NewMember;
import org.lakou.members.Role;
import org.lakou.shared.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The first administrator comes from configuration ({@code LAKOU_ADMIN_EMAIL} and
 * {@code LAKOU_ADMIN_PASSWORD}) or from {@code lakou admin create}. There is no default password:
 * without either, Lakou starts, warns, and serves anonymous access only.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final MembersProperties props;
    private final MemberService members;

    AdminBootstrap(MembersProperties props, MemberService members) {
        this.props = props;
        this.members = members;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (props.adminConfigured()) {
            ensureAdmin(props.adminEmail(), props.adminPassword());
        } else if (!members.hasAdministrator()) {
            log.warn("No administrator account exists and none is configured. Only anonymous access works until "
                    + "one is created: set LAKOU_ADMIN_EMAIL and LAKOU_ADMIN_PASSWORD, or run "
                    + "`java -jar lakou.jar admin create --email … --password-stdin`.");
        }
    }

    void ensureAdmin(String email, String password) {
        var existing = members.findByEmail(email);
        if (existing.isPresent()) {
            if (existing.get().role() != Role.ADMIN) {
                members.setRole(existing.get().id(), Role.ADMIN);
                log.info("Account {} promoted to administrator from configuration", email);
            }
            return;
        }
        if (password.length() < 12) {
            throw new IllegalStateException("lakou.members.admin-password (LAKOU_ADMIN_PASSWORD) needs at least 12 characters");
        }
        try {
            members.create(new NewMember(email, "Administrator", null, MemberCategory.AUTRE, Role.ADMIN, password));
            log.info("Administrator account {} created from configuration", email);
        } catch (ApiException raced) {
            log.info("Administrator account {} was created by another node", email);
        }
    }
}
