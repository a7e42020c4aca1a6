package org.lakou.oai.harvest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gdcc.xoai.serviceprovider.client.OAIClient;
import io.gdcc.xoai.serviceprovider.exceptions.HttpException;
import io.gdcc.xoai.serviceprovider.exceptions.OAIRequestException;
import io.gdcc.xoai.serviceprovider.parameters.Parameters;
import org.lakou.shared.XmlProlog;

/**
 * XOAI's client contract over java.net.http, with what XOAI's own client lacks: a connect timeout,
 * retries with exponential back-off on network failures, 5xx and 503 (honouring Retry-After),
 * and the responseDate and page count of what it fetched. A response is read whole before XOAI
 * parses it, so a broken connection is retried rather than half-parsed.
 */
final class PartnerClient extends OAIClient {

    private static final Pattern RESPONSE_DATE = Pattern.compile("<(?:\\w+:)?responseDate>\\s*([^<\\s]+)\\s*<");
    private static final int HEAD_BYTES = 4096;

    private final String baseUrl;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final Duration backoff;
    private Instant firstResponseDate;
    private int pages;
    private int retries;

    PartnerClient(String baseUrl, Duration requestTimeout, int maxAttempts, Duration backoff) {
        this.baseUrl = baseUrl;
        this.requestTimeout = requestTimeout;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public InputStream execute(Parameters parameters) throws OAIRequestException {
        URI uri = URI.create(parameters.toUrl(baseUrl));
        OAIRequestException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Duration wait = backoff.multipliedBy(1L << Math.min(attempt - 1, 6));
            try {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(requestTimeout)
                        .header("User-Agent", "Lakou OAI harvester").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() == 200) {
                    refuseDoctype(r.body(), uri);
                    pages++;
                    noteResponseDate(r.body());
                    return new ByteArrayInputStream(r.body());
                }
                last = new HttpException("HTTP " + r.statusCode() + " from " + uri);
                if (r.statusCode() < 500 && r.statusCode() != 429) {
                    throw last; // a client error will not heal by retrying
                }
                wait = retryAfter(r, wait);
            } catch (IOException e) {
                // java.net.http may leave the interrupt flag set after an I/O failure; clear it so the
                // retry (and the rest of the run) is not aborted by a stale interrupt
                Thread.interrupted();
                last = new HttpException("Cannot reach " + uri + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OAIRequestException("Interrupted while harvesting " + uri, e);
            }
            if (attempt < maxAttempts) {
                retries++;
                sleep(wait);
            }
        }
        throw last;
    }

    /**
     * OAI-PMH responses are schema-valid XML and never need a DTD; one that declares any is refused
     * whole, with a reason the run's log keeps. XOAI's own StAX reader has DTD support and external
     * entities off, so nothing would be fetched anyway, but it would silently drop such entities and
     * import the rest: the administrator must hear about a partner sending this.
     */
    private static void refuseDoctype(byte[] body, URI uri) throws OAIRequestException {
        XmlProlog.Doctype doctype = XmlProlog.doctype(body);
        if (doctype != null) {
            boolean external = doctype.externalId() != null
                    || doctype.entities().stream().anyMatch(XmlProlog.Entity::external);
            throw new OAIRequestException("Refused the response of " + uri + ": it declares a DTD (line "
                    + doctype.line() + (external ? ", with external entities" : "") + "), which OAI-PMH never needs");
        }
    }

    private static Duration retryAfter(HttpResponse<?> r, Duration fallback) {
        return r.headers().firstValue("Retry-After").map(v -> {
            try {
                long s = Long.parseLong(v.trim());
                return Duration.ofSeconds(Math.min(Math.max(s, 0), 300));
            } catch (NumberFormatException e) {
                return fallback;
            }
        }).orElse(fallback);
    }

    private void noteResponseDate(byte[] body) {
        if (firstResponseDate != null) {
            return;
        }
        String head = new String(body, 0, Math.min(body.length, HEAD_BYTES), StandardCharsets.UTF_8);
        Matcher m = RESPONSE_DATE.matcher(head);
        if (m.find()) {
            try {
                firstResponseDate = Instant.parse(m.group(1));
            } catch (RuntimeException ignored) {
                // a malformed responseDate: the run then keeps the previous checkpoint
            }
        }
    }

    private static void sleep(Duration d) throws OAIRequestException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAIRequestException("Interrupted while waiting to retry", e);
        }
    }

    Instant firstResponseDate() {
        return firstResponseDate;
    }

    int pages() {
        return pages;
    }

    int retries() {
        return retries;
    }
}
