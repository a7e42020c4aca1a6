package org.lakou.alerts.internal;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;
import org.springframework.validation.annotation.Validated;

/**
 * {@code lakou.alerts.*}. {@code zone} decides where a day or a week starts, hence when a digest is
 * due; {@code interval} is how often the job looks for due alerts; {@code maxRecords} caps the list
 * in one e-mail (the rest is counted); {@code maxScan} caps the records read per run. Links in the
 * e-mails start with {@code lakou.public-url} ({@link org.lakou.shared.PublicUrl}); {@code publicUrl}
 * overrides it for digests only, when readers reach the centre at another address than the API.
 */
@Validated
@ConfigurationProperties("lakou.alerts")
record AlertsProperties(
        @NotNull @DefaultValue("1h") Duration interval,
        @NotNull @DefaultValue("America/Martinique") ZoneId zone,
        @Min(1) @Max(200) @DefaultValue("20") int maxPerMember,
        @Min(1) @Max(500) @DefaultValue("50") int maxRecords,
        @Min(100) @DefaultValue("10000") int maxScan,
        @Nullable @Pattern(regexp = "(https?://\\S+)?") String publicUrl,
        @NotBlank @DefaultValue("Le centre de ressources") String signature,
        @DefaultValue("true") boolean jobsEnabled) {

    /** The override without a trailing slash, or null when links follow {@code lakou.public-url}. */
    @Nullable
    String baseOverride() {
        if (publicUrl == null || publicUrl.isBlank()) {
            return null;
        }
        String u = publicUrl.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
