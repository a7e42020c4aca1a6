package org.lakou.oai.internal;

import org.lakou.shared.PublicUrl;

/**
 * Where this request's links point: {@code lakou.public-url} when set; else the older
 * {@code lakou.oai.public-url} when set; else the address the request came to (scheme, host and
 * port, through {@code X-Forwarded-*} behind a trusted proxy). The OAI base URL is
 * {@code lakou.oai.base-url} when set, else that address + {@code /oai}. Read once per request.
 */
public final class OaiAddress {

    private final OaiProperties properties;
    private final PublicUrl publicUrl;

    public OaiAddress(OaiProperties properties, PublicUrl publicUrl) {
        this.properties = properties;
        this.publicUrl = publicUrl;
    }

    /** Scheme, host, port and context path, without a trailing slash. */
    String base() {
        if (!publicUrl.configured() && properties.publicUrl() != null) {
            return properties.publicUrl();
        }
        return publicUrl.base();
    }

    String baseUrl(String base) {
        return properties.baseUrl() != null ? properties.baseUrl() : base + "/oai";
    }
}
