package org.lakou.shared.internal;

import java.net.URI;

import org.lakou.shared.PublicUrl;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Controllers answer {@code Location: /api/records/{id}}; this makes it absolute with
 * {@link PublicUrl}, so behind a proxy (or under a path prefix) a client follows the address it
 * can reach, not the one the server sees.
 */
@ControllerAdvice
class AbsoluteLocations implements ResponseBodyAdvice<Object> {

    private final PublicUrl publicUrl;

    AbsoluteLocations(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        URI location = response.getHeaders().getLocation();
        if (location != null && !location.isAbsolute() && location.getRawPath() != null
                && location.getRawPath().startsWith("/") && !location.toString().startsWith("//")) {
            response.getHeaders().setLocation(URI.create(publicUrl.resolve(location.toString())));
        }
        return body;
    }
}
