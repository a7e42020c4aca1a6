package org.lakou.members.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Credentials sent in the {@code Authorization} header: {@code Bearer lk_…} (the token's SHA-256
 * looked up by {@code _id}) or {@code Basic} (the throttled password check). It runs before the
 * CSRF filter, so that only a request this header actually authenticated skips CSRF; any other
 * header (or a session cookie beside it) gets no such pass. The authentication lives for this
 * request only, nothing goes into a session. Bad credentials answer 401 at once rather than
 * falling back on a session. Built by the security configuration, not a bean, so Boot does not
 * register it a second time as a plain servlet filter.
 */
final class HeaderAuthenticationFilter extends OncePerRequestFilter {

    /** Request attribute set when the Authorization header authenticated the request. */
    static final String AUTHENTICATED = HeaderAuthenticationFilter.class.getName() + ".AUTHENTICATED";

    private final TokenStore tokens;
    private final MemberService members;
    private final AuthCache cache;
    private final AuthenticationManager passwords;
    private final AuthenticationEntryPoint entryPoint;
    private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

    HeaderAuthenticationFilter(TokenStore tokens, MemberService members, AuthCache cache, AuthenticationManager passwords,
            AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.members = members;
        this.cache = cache;
        this.passwords = passwords;
        this.entryPoint = entryPoint;
    }

    static boolean isBearer(HttpServletRequest request) {
        return scheme(request, "Bearer ");
    }

    private static boolean scheme(HttpServletRequest request, String prefix) {
        String h = request.getHeader("Authorization");
        return h != null && h.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean bearer = isBearer(request);
        if (!bearer && !scheme(request, "Basic ")) {
            chain.doFilter(request, response);
            return;
        }
        org.springframework.security.core.Authentication auth;
        try {
            auth = bearer ? bearer(request) : password(request);
        } catch (AuthenticationException e) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, e);
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        request.setAttribute(AUTHENTICATED, Boolean.TRUE);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private org.springframework.security.core.Authentication bearer(HttpServletRequest request) {
        String secret = request.getHeader("Authorization").substring(7).trim();
        LakouUser user = resolve(secret);
        if (user == null || !user.isEnabled()) {
            throw new BadCredentialsException("Invalid or revoked API token");
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    private org.springframework.security.core.Authentication password(HttpServletRequest request) {
        UsernamePasswordAuthenticationToken credentials = basic.convert(request);
        if (credentials == null) {
            throw new BadCredentialsException("Empty basic authentication");
        }
        return passwords.authenticate(credentials);
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
