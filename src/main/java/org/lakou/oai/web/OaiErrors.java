package org.lakou.oai.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.lakou.oai.internal.OaiProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Whatever goes wrong under {@code /oai} before the controller runs (a method the endpoint does not
 * take, a path below it, arguments the container cannot decode) is answered in the OAI-PMH envelope
 * too: harvesters parse OAI-PMH, and the API's problem+json advice would otherwise answer them.
 * It runs before every other resolver (only Boot's, which records the error and answers nothing,
 * comes first), and only for requests under {@code /oai}. A refused request carries a protocol code
 * (the schema requires one) and keeps its HTTP status; an internal failure keeps the provider's
 * code-less 500 envelope, which no harvester can mistake for a protocol answer.
 */
@Component
class OaiErrors implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(OaiErrors.class);

    private final OaiProvider provider;

    OaiErrors(OaiProvider provider) {
        this.provider = provider;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!underOai(request)) {
            return null;
        }
        try {
            if (ex instanceof InvalidParameterException) {
                write(response, HttpServletResponse.SC_OK, "badArgument",
                        "The request's arguments cannot be decoded: " + ex.getMessage());
            } else if (ex instanceof HttpRequestMethodNotSupportedException m) {
                response.setHeader("Allow", "GET, POST");
                write(response, m.getStatusCode().value(), "badVerb",
                        "OAI-PMH requests are sent with GET, or POST with form-encoded arguments.");
            } else if (ex instanceof ErrorResponse e && e.getStatusCode().value() == 404) {
                write(response, 404, "badVerb", "No OAI-PMH endpoint at this address: the base URL is "
                        + request.getContextPath() + "/oai");
            } else if (ex instanceof ErrorResponse e && e.getStatusCode().is4xxClientError()) {
                write(response, e.getStatusCode().value(), "badArgument", e.getBody().getDetail());
            } else {
                log.error("OAI request failed before the provider: {} {}", request.getMethod(),
                        request.getRequestURI(), ex);
                write(response, 500, null, "Internal error; it has been logged.");
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot write the OAI-PMH error answer", e);
        }
        return new ModelAndView();
    }

    static boolean underOai(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/oai") || path.startsWith("/oai/");
    }

    private void write(HttpServletResponse response, int status, String code, String message) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
        provider.failure(code, StringUtils.hasText(message) ? message : "Bad request.", body);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("text/xml;charset=UTF-8");
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }
}
