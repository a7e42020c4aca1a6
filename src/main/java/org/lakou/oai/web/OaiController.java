package org.lakou.oai.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.lakou.oai.internal.FeedUnavailableException;
import org.lakou.oai.internal.OaiProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAI-PMH endpoint: GET, and POST with form-encoded arguments. Protocol errors are OAI
 * {@code <error>}s with HTTP 200, as the protocol wants; an index that cannot answer is a 503 with
 * Retry-After, which harvesters honour. The response is built in memory (a page is a few hundred
 * kB) so a failure midway never leaves a truncated 200.
 */
@RestController
class OaiController {

    private static final Logger log = LoggerFactory.getLogger(OaiController.class);
    private static final String RETRY_AFTER_SECONDS = "30";

    private final OaiProvider provider;

    OaiController(OaiProvider provider) {
        this.provider = provider;
    }

    @RequestMapping(path = "/oai", method = {RequestMethod.GET, RequestMethod.POST})
    void oai(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
        try {
            provider.handle(request.getParameterMap(), body);
        } catch (FeedUnavailableException e) {
            log.warn("OAI request refused while the index is unavailable: {}", e.getMessage());
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("The catalogue index is temporarily unavailable; retry later.\n");
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/xml;charset=UTF-8");
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }
}
