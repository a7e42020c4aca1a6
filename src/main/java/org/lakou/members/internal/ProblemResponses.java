package org.lakou.members.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401, 403 and 429 from the security filters as {@code application/problem+json}, like every other
 * Lakou error. Browsers asking for HTML outside {@code /api} are sent to the login page instead.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginThrottle.ThrottledException t) {
            response.setHeader("Retry-After", Long.toString(t.retryAfterSeconds()));
            write(request, response, 429, "Too many failed logins", t.getMessage(), "login-throttled");
            return;
        }
        if (wantsHtml(request)) {
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer realm=\"lakou\"");
        String detail = e instanceof DisabledException ? "This account is closed"
                : request.getHeader("Authorization") != null ? "Bad credentials or token"
                : "Authentication is required: HTTP Basic, a bearer token (Authorization: Bearer …) or a session";
        write(request, response, 401, "Unauthorized", detail, "unauthenticated");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (wantsHtml(request)) {
            // a page: the error page in the site's layout (Boot's /error renders templates/error.html)
            response.sendError(403);
            return;
        }
        if (e instanceof CsrfException) {
            write(request, response, 403, "CSRF token missing or invalid",
                    "A session-authenticated change needs the CSRF token (header X-CSRF-TOKEN or form field _csrf)",
                    "csrf");
            return;
        }
        write(request, response, 403, "Forbidden", "Your account's role does not allow this", "forbidden");
    }

    private static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && accept != null && accept.contains("text/html");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String detail, String reason) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://lakou.org/problems/" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        body.put("reason", reason);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
