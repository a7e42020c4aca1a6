package org.lakou.members.internal;

import java.util.Collection;
import java.util.List;

import org.lakou.members.Member;
import org.lakou.members.MemberStatus;
import org.lakou.members.Role;
import org.lakou.shared.Viewer;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated principal: the account id travels with it, so no lookup is needed per use. */
final class LakouUser implements UserDetails, CredentialsContainer, Viewer.Identified {

    private final String memberId;
    private final String email;
    private final Role role;
    private final MemberStatus status;
    private String passwordHash;

    LakouUser(MemberDocument doc) {
        this.memberId = doc.id;
        this.email = doc.email;
        this.role = doc.role;
        this.status = doc.status;
        this.passwordHash = doc.passwordHash;
    }

    /** The account as it is now, for a session whose account changed; carries no password hash. */
    LakouUser(Member m) {
        this.memberId = m.id();
        this.email = m.email();
        this.role = m.role();
        this.status = m.status();
        this.passwordHash = null;
    }

    /** Whether this principal still says what the account says (role, status, e-mail). */
    boolean matches(Member m) {
        return role == m.role() && status == m.status() && email.equals(m.email());
    }

    @Override
    public String memberId() {
        return memberId;
    }

    String email() {
        return email;
    }

    Role role() {
        return role;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    /** A closed account, or one created at the desk without a password, cannot log in. */
    @Override
    public boolean isEnabled() {
        return status != MemberStatus.CLOSED;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "LakouUser[" + memberId + ", " + role + "]";
    }
}
