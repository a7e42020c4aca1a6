package org.lakou.oai.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

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
 * {@code <error>}s with HTTP 200, as the protocol wants. Whatever else happens, the answer is still
 * OAI-PMH XML, never the API's problem+json: an index that cannot answer is a 503 with Retry-After,
 * which harvesters honour, and any other failure (a bug, a class missing from the build) is a 500,
 * logged here. The response is built in memory (a page is a few hundred kB) so a failure midway
 * never leaves a truncated 200.
 */
@RestController
class OaiController {

    private static final Logger log = LoggerFactory.getLogger(OaiController.class);
    private static final String RETRY_AFTER_SECONDS = "30";
    private static final String XML = "text/xml;charset=UTF-8";
    /** When nothing else works: still OAI-PMH's envelope, with what needs no computing. */
    private static final String FALLBACK = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate/><request/>"
            + "<error>Internal error; it has been logged.</error></OAI-PMH>";

    private final OaiProvider provider;

    OaiController(OaiProvider provider) {
        this.provider = provider;
    }

    @RequestMapping(path = "/oai", method = {RequestMethod.GET, RequestMethod.POST})
    void oai(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Outside the try: arguments the container cannot decode are a badArgument (OaiErrors), not a 500.
        Map<String, String[]> parameters = request.getParameterMap();
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
        try {
            provider.handle(parameters, body);
        } catch (FeedUnavailableException e) {
            log.warn("OAI request refused while the index is unavailable: {}", e.getMessage());
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            failure(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "The catalogue index is temporarily unavailable; retry later.");
            return;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            log.error("OAI request failed: {}", request.getQueryString(), e);
            failure(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    "Internal error: the repository could not answer this request; it has been logged.");
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(XML);
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }

    private void failure(HttpServletResponse response, int status, String message) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
        try {
            provider.failure(message, body);
        } catch (RuntimeException | LinkageError e) {
            log.error("Cannot even write the OAI failure envelope", e);
            body.reset();
            body.writeBytes(FALLBACK.getBytes(StandardCharsets.UTF_8));
        }
        response.setStatus(status);
        response.setContentType(XML);
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }
}
