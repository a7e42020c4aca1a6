package org.lakou.members.internal;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Security for the whole application. One filter chain: form login with a session (and CSRF) for
 * the UI; HTTP Basic and personal bearer tokens for scripts. Rules go from public to staff, and
 * anything not listed needs a documentalist: deny by default rather than allow.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** bcrypt behind a delegating encoder, so stored hashes can move to Argon2 later without a reset. */
    @Bean
    PasswordEncoder passwordEncoder(MembersProperties props) {
        return new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(props.bcryptStrength())));
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role("ADMIN").implies("DOCUMENTALIST")
                .role("DOCUMENTALIST").implies("MEMBER")
                .build();
    }

    /**
     * Spring Security would otherwise wrap each of its filters in a Micrometer observation: a fifth of
     * the request thread's CPU at the circulation desk, for traces nobody collects here. Boot's own
     * http.server.requests metric still times every request.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Also tells Boot not to create its in-memory user with a generated password. */
    @Bean
    AuthenticationProvider lakouAuthenticationProvider(EmailRegistry emails, MemberService members,
            PasswordEncoder encoder, LoginThrottle throttle) {
        return new Authentication.Throttling(Authentication.userDetails(emails, members), encoder, throttle);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {

        @Bean
        SecurityFilterChain lakouSecurity(HttpSecurity http, AuthenticationProvider provider, TokenStore tokens,
                MemberService members, AuthCache cache) throws Exception {
            ProblemResponses problems = new ProblemResponses();
            HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
            requestCache.setRequestMatcher(r -> "GET".equals(r.getMethod()) && !isApi(r)
                    && String.valueOf(r.getHeader("Accept")).contains("text/html"));
            ProviderManager passwords = new ProviderManager(provider);
            http.authenticationManager(passwords)
                    .addFilterAfter(new SessionRecheckFilter(members), SecurityContextHolderFilter.class)
                    .addFilterBefore(new HeaderAuthenticationFilter(tokens, members, cache, passwords, problems),
                            CsrfFilter.class)
                    .httpBasic(b -> b.authenticationEntryPoint(problems))
                    .formLogin(f -> f.loginPage("/login").failureHandler(SecurityConfiguration::loginFailed))
                    .logout(Customizer.withDefaults())
                    .requestCache(c -> c.requestCache(requestCache))
                    .exceptionHandling(e -> e
                            // as a default; browsers asking for HTML are sent to /login by ProblemResponses
                            .defaultAuthenticationEntryPointFor(problems, AnyRequestMatcher.INSTANCE)
                            .accessDeniedHandler(problems))
                    .csrf(c -> c.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrf))
                    .authorizeHttpRequests(SecurityConfiguration::rules);
            return http.build();
        }
    }

    /**
     * CSRF matters only where the browser adds credentials by itself: the session cookie. A change
     * that Basic or Bearer credentials authenticated (checked before the CSRF filter runs), or one
     * with no session at all, cannot be forged that way; any other Authorization header gets no pass.
     * The login form is always checked (login CSRF).
     */
    static boolean needsCsrf(HttpServletRequest r) {
        if (SAFE_METHODS.contains(r.getMethod())) {
            return false;
        }
        String path = r.getRequestURI().substring(r.getContextPath().length());
        if ("/login".equals(path) || "/logout".equals(path)) {
            return true;
        }
        return r.getAttribute(HeaderAuthenticationFilter.AUTHENTICATED) == null && r.getRequestedSessionId() != null;
    }

    /**
     * A failed form login goes back to the form, which never says whether the e-mail or the password
     * was wrong; a throttled one is forwarded to the same form with 429 and the lockout explained.
     */
    static void loginFailed(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
            org.springframework.security.core.AuthenticationException e)
            throws java.io.IOException, jakarta.servlet.ServletException {
        if (e instanceof LoginThrottle.ThrottledException t) {
            response.setHeader("Retry-After", Long.toString(t.retryAfterSeconds()));
            request.getRequestDispatcher("/login/bloque").forward(request, response);
            return;
        }
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    static boolean isApi(HttpServletRequest r) {
        return r.getRequestURI().startsWith(r.getContextPath() + "/api/");
    }

    private static void rules(
            org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer<HttpSecurity>
                    .AuthorizationManagerRequestMatcherRegistry a) {
        // anonymous: search, public records and files, OAI-PMH, thesaurus reading, health, API docs
        a.requestMatchers(GET, "/api/search", "/api/search/**").permitAll()
                .requestMatchers(GET, "/api/records/*").permitAll() // the controller hides what is not public (404)
                .requestMatchers(GET, "/api/records/*/files/*", "/api/records/*/files/*/**").permitAll() // FileAccessPolicy
                .requestMatchers(GET, "/api/records/*/similar").permitAll() // 404 for a hidden source; results filtered
                .requestMatchers(GET, "/feeds/**").permitAll() // Atom feeds: public records only
                .requestMatchers(GET, "/api/thesaurus", "/api/thesaurus/**").permitAll()
                .requestMatchers("/oai", "/oai/**").permitAll()
                .requestMatchers(GET, "/thesaurus", "/thesaurus/**").permitAll()
                .requestMatchers(POST, "/thesaurus/sparql", "/thesaurus/*/sparql").permitAll()
                // web pages: the public catalogue, the login and forgotten-password forms, static files
                .requestMatchers(GET, "/", "/recherche", "/recherche/**", "/records/*", "/records/*/citation.*")
                .permitAll()
                .requestMatchers("/login/**", "/mot-de-passe", "/mot-de-passe/**").permitAll()
                .requestMatchers(GET, "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**",
                        "/swagger-ui.html", "/swagger-ui/**", "/login", "/logout", "/error").permitAll()
                // members: their own account, loans, holds, requests and alerts (ownership checked in code)
                .requestMatchers(POST, "/api/members/password-reset", "/api/members/password-reset/confirm").permitAll()
                .requestMatchers("/api/members/me", "/api/members/me/**").hasRole("MEMBER")
                .requestMatchers(GET, "/api/loans/mine", "/api/loans/mine/**", "/api/holds/mine").hasRole("MEMBER")
                .requestMatchers(POST, "/api/loans/*/renew", "/api/holds").hasRole("MEMBER")
                .requestMatchers(DELETE, "/api/holds/*").hasRole("MEMBER")
                .requestMatchers(GET, "/api/requests", "/api/requests/*", "/api/requests/*/files/*").hasRole("MEMBER")
                .requestMatchers(POST, "/api/requests", "/api/requests/*/close", "/api/requests/*/holds")
                .hasRole("MEMBER")
                .requestMatchers("/api/alerts", "/api/alerts/**").hasRole("MEMBER")
                .requestMatchers("/compte", "/compte/**").hasRole("MEMBER")
                // administrators: accounts' roles, audit, configuration, harvest sources
                .requestMatchers("/api/members/*/role").hasRole("ADMIN")
                .requestMatchers("/api/audit", "/api/audit/**").hasRole("ADMIN")
                .requestMatchers("/api/admin/backups", "/api/admin/backups/**").hasRole("ADMIN")
                .requestMatchers(PUT, "/api/policies", "/api/policies/**").hasRole("ADMIN")
                .requestMatchers(DELETE, "/api/policies", "/api/policies/**").hasRole("ADMIN")
                .requestMatchers(GET, "/api/harvest/works/**").hasRole("DOCUMENTALIST") // holdings: cataloguing work
                .requestMatchers("/api/harvest", "/api/harvest/**").hasRole("ADMIN")
                .requestMatchers("/api/config", "/api/config/**").hasRole("ADMIN")
                .requestMatchers("/actuator/**").hasRole("ADMIN")
                .requestMatchers("/gestion/admin", "/gestion/admin/**").hasRole("ADMIN")
                .requestMatchers("/gestion", "/gestion/**").hasRole("DOCUMENTALIST")
                // everything else, API or not: staff (cataloguing, ingest, copies, desk, inbox, thesaurus import)
                .anyRequest().hasRole("DOCUMENTALIST");
    }
}
