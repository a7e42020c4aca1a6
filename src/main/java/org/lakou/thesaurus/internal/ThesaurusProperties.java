package org.lakou.thesaurus.internal;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code baseUri} is where Lakou mints local concepts ({@code {baseUri}/concepts/{id}}); it must be
 * the public address that serves {@code /thesaurus}, or minted URIs won't dereference.
 * {@code refreshInterval} is how often a node picks up versions applied on another node.
 * {@code browseScheme} is the scheme the thesaurus browser opens on (the network's thematic one).
 */
@Validated
@ConfigurationProperties("lakou.thesaurus")
public record ThesaurusProperties(
        @NotNull @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URI")
        @DefaultValue("http://localhost:8080/thesaurus") String baseUri,
        @NotNull @DefaultValue("5s") Duration sparqlTimeout,
        @Min(1) @Max(1_000_000) @DefaultValue("1000") int sparqlMaxResults,
        @NotNull @DefaultValue("50MB") DataSize maxImportSize,
        @DefaultValue("true") boolean loadStarter,
        @NotNull @DefaultValue("30s") Duration refreshInterval,
        @NotNull @DefaultValue("https://w3id.org/lakou/thesaurus/thematique") String browseScheme) {

    public ThesaurusProperties {
        baseUri = baseUri.endsWith("/") ? baseUri.substring(0, baseUri.length() - 1) : baseUri;
    }

    public String localSchemeUri() {
        return baseUri + "/local";
    }

    public String conceptUri(String id) {
        return baseUri + "/concepts/" + id;
    }

    /** The id part of a concept URI minted here, or null when Lakou did not mint it. */
    public String mintedId(String uri) {
        String prefix = baseUri + "/concepts/";
        return uri != null && uri.startsWith(prefix) ? uri.substring(prefix.length()) : null;
    }
}
