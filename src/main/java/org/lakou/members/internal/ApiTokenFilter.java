package org.lakou.members.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer lk_…}: the token's SHA-256 is looked up by {@code _id}. The
 * authentication lives for this request only (nothing goes into a session), which is also why
 * such requests need no CSRF token. Built by the security configuration, not a bean, so Boot does
 * not register it a second time as a plain servlet filter.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private final TokenStore tokens;
    private final MemberService members;
    private final AuthCache cache;
    private final AuthenticationEntryPoint entryPoint;

    ApiTokenFilter(TokenStore tokens, MemberService members, AuthCache cache, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.members = members;
        this.cache = cache;
        this.entryPoint = entryPoint;
    }

    static boolean isBearer(HttpServletRequest request) {
        String h = request.getHeader("Authorization");
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = request.getHeader("Authorization").substring(7).trim();
        LakouUser user = resolve(secret);
        if (user == null || !user.isEnabled()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("Invalid or revoked API token"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private LakouUser resolve(String secret) {
        String hash = TokenStore.hash(secret);
        LakouUser cached = cache.token(hash);
        if (cached != null) {
            return cached;
        }
        var found = tokens.find(secret).orElse(null);
        if (found == null) {
            return null;
        }
        MemberDocument doc = members.doc(found.memberId());
        if (doc == null) {
            return null;
        }
        tokens.touch(found);
        LakouUser user = new LakouUser(doc);
        user.eraseCredentials();
        cache.putToken(hash, user);
        return user;
    }
}
