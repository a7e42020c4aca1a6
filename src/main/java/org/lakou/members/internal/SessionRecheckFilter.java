package org.lakou.members.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.lakou.members.Member;
import org.lakou.members.MemberStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session remembers who logged in, not what they may do: on every request the account behind a
 * session is read again (through {@link AuthCache}, so a Mongo read at most every few seconds per
 * account, and at once after a change on this node). A closed or deleted account loses its session;
 * a changed role or status replaces the session's principal, so a demoted documentalist cannot
 * catalogue one request longer. Runs right after the session's security context is loaded, before
 * CSRF and authorisation.
 */
final class SessionRecheckFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionRecheckFilter.class);

    private final MemberService members;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SessionRecheckFilter(MemberService members) {
        this.members = members;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = session == null ? null : SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof LakouUser user) {
            Member now = members.find(user.memberId()).orElse(null);
            if (now == null || now.status() == MemberStatus.CLOSED) {
                log.info("Ending the session of {}: the account is {}", user.memberId(), now == null ? "gone" : "closed");
                SecurityContextHolder.clearContext();
                session.invalidate();
            } else if (!user.matches(now)) {
                LakouUser fresh = new LakouUser(now);
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null,
                        fresh.getAuthorities()));
                SecurityContextHolder.setContext(context);
                sessions.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
