package org.lakou.members.internal;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.lakou.members.AuditLog;
import org.lakou.shared.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Audits every state-changing API call made by staff, and every form the staff desk's pages
 * ({@code /gestion/**}) post, since they make the same changes: who (account), what (method, route
 * and the concrete path), when, and the outcome status. Done at the web layer so the catalogue,
 * ingest and thesaurus are audited without depending on the members module.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AuditInterceptor implements WebMvcConfigurer, HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditInterceptor.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final AuditLog audit;

    AuditInterceptor(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**", "/gestion/**");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (READS.contains(request.getMethod()) || !Viewer.current().isStaff()) {
            return;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String action = request.getMethod() + " " + (pattern == null ? request.getRequestURI() : pattern);
        try {
            audit.record(action, request.getRequestURI(), response.getStatus(), ex == null ? null : ex.toString());
        } catch (RuntimeException e) {
            log.error("Could not write the audit entry for {} {}", action, request.getRequestURI(), e);
        }
    }
}
