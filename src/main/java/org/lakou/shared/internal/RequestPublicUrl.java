package org.lakou.shared.internal;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.lakou.shared.PublicUrl;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Configured URL first; else the current request's scheme, host and port (already rewritten from
 * {@code X-Forwarded-*} by the framework's forwarded-header filter); else the server's own port.
 * A request-derived address is never remembered for later: any client can send those headers, and
 * an e-mail written by a scheduled job must not link where the last stranger pointed it.
 */
@Component
@EnableConfigurationProperties(PublicUrlProperties.class)
class RequestPublicUrl implements PublicUrl {

    private final String configured;
    private final String files;
    private final Environment env;

    RequestPublicUrl(PublicUrlProperties props, Environment env) {
        this.configured = props.normalised();
        this.files = props.filesNormalised();
        this.env = env;
    }

    @Override
    public Optional<String> filesBase() {
        return Optional.ofNullable(files);
    }

    @Override
    public boolean configured() {
        return configured != null;
    }

    @Override
    public String base() {
        if (configured != null) {
            return configured;
        }
        String fromRequest = fromCurrentRequest();
        if (fromRequest != null) {
            return fromRequest;
        }
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
    }

    private static String fromCurrentRequest() {
        RequestAttributes attrs = RequestContextHolder.getRequestAttributes();
        if (!(attrs instanceof ServletRequestAttributes sra)) {
            return null;
        }
        HttpServletRequest request = sra.getRequest();
        String base = ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
