package org.lakou.oai.internal;

import java.time.Duration;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The OAI-PMH face of this centre. Links (base URL, record and file URLs) follow
 * {@code lakou.public-url}, else the request ({@link OaiAddress}); {@code publicUrl} is the older
 * name of that setting, still honoured when {@code lakou.public-url} is unset, and {@code baseUrl}
 * overrides the OAI base URL alone. Identifiers are {@code oai:{domain}:{recordId}}.
 * {@code tokenSecret} signs resumption tokens; when blank, one is generated and kept in MongoDB, so
 * tokens survive restarts and work on every node. {@code harvest} tunes the harvester of partner
 * centres.
 */
@Validated
@ConfigurationProperties("lakou.oai")
public record OaiProperties(
        @NotBlank @DefaultValue("Lakou, centre de ressources politique de la ville") String repositoryName,
        @Pattern(regexp = "https?://[^\\s/]+(/\\S*)?", message = "must be an http(s) URL") String publicUrl,
        @Pattern(regexp = "https?://[^\\s/]+(/\\S*)?", message = "must be an http(s) URL") String baseUrl,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\\.)+[A-Za-z]{2,}",
                message = "must be a real e-mail address (user@domain.tld)")
        @DefaultValue("documentation@lakou.org") String adminEmail,
        @NotBlank @Pattern(regexp = "[a-zA-Z][a-zA-Z0-9-]*(\\.[a-zA-Z][a-zA-Z0-9-]*)+",
                message = "must be a domain name such as centre.example.fr (oai-identifier scheme)")
        @DefaultValue("lakou.org") String domain,
        @Min(10) @Max(1000) @DefaultValue("100") int pageSize,
        @NotNull @DefaultValue("24h") Duration tokenTtl,
        @Size(min = 16, message = "must be at least 16 characters (it signs resumption tokens)") String tokenSecret,
        @Valid @NotNull @DefaultValue Harvest harvest) {

    /**
     * The harvester: a failed request is retried {@code maxAttempts} times in all, waiting
     * {@code backoff}, then twice as long each time; a failed run is retried the same way from its
     * last checkpoint.
     */
    public record Harvest(
            @Min(1) @Max(10) @DefaultValue("4") int maxAttempts,
            @NotNull @DefaultValue("2s") Duration backoff,
            @NotNull @DefaultValue("60s") Duration requestTimeout,
            @NotNull @DefaultValue("30s") Duration schedulerTick) {
    }

    public OaiProperties {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? null : stripSlash(publicUrl.strip());
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : stripSlash(baseUrl.strip());
    }

    /** Harvesters and validators refuse addresses at hosts that can never receive mail. */
    @AssertTrue(message = "lakou.oai.admin-email must not use a reserved domain (localhost, example, test, invalid, local)")
    public boolean isAdminEmailDeliverable() {
        if (adminEmail == null || !adminEmail.contains("@")) {
            return true;
        }
        String host = adminEmail.substring(adminEmail.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        return !host.equals("localhost") && !host.matches("(.*\\.)?example(\\.(com|net|org))?")
                && !host.matches(".*\\.(test|invalid|local|localhost|example)");
    }

    @AssertTrue(message = "lakou.oai.token-ttl must be at least one minute")
    public boolean isTokenTtlSensible() {
        return tokenTtl == null || tokenTtl.compareTo(Duration.ofMinutes(1)) >= 0;
    }

    private static String stripSlash(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
