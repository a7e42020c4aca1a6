package org.lakou.shared;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking, as far as any module needs to know: an account id and the highest role. It reads
 * Spring Security's context, so modules below {@code members} (catalogue, ingest) can apply
 * access levels without depending on the members module.
 */
public record Viewer(String memberId, Level level) {

    /** Each level includes the ones before it. */
    public enum Level {
        ANONYMOUS, MEMBER, DOCUMENTALIST, ADMIN;

        public boolean atLeast(Level other) {
            return ordinal() >= other.ordinal();
        }
    }

    /** Implemented by the authenticated principal, so the account id is known without a lookup. */
    public interface Identified {
        String memberId();
    }

    public static final Viewer ANONYMOUS = new Viewer(null, Level.ANONYMOUS);

    public static Viewer current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || !(auth.getPrincipal() instanceof Identified who)) {
            return ANONYMOUS;
        }
        Level level = Level.ANONYMOUS;
        for (GrantedAuthority a : auth.getAuthorities()) {
            Level l = switch (String.valueOf(a.getAuthority())) {
                case "ROLE_ADMIN" -> Level.ADMIN;
                case "ROLE_DOCUMENTALIST" -> Level.DOCUMENTALIST;
                case "ROLE_MEMBER" -> Level.MEMBER;
                default -> Level.ANONYMOUS;
            };
            if (l.atLeast(level)) {
                level = l;
            }
        }
        return new Viewer(who.memberId(), level);
    }

    public boolean isStaff() {
        return level.atLeast(Level.DOCUMENTALIST);
    }

    public boolean isAdmin() {
        return level.atLeast(Level.ADMIN);
    }

    public boolean isMember() {
        return level.atLeast(Level.MEMBER);
    }

    /** Staff, or the account itself. */
    public boolean mayActFor(String accountId) {
        return isStaff() || (memberId != null && memberId.equals(accountId));
    }
}
