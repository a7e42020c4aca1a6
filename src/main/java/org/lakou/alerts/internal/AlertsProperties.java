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
import org.springframework.validation.annotation.Validated;

/**
 * {@code lakou.alerts.*}. {@code zone} decides where a day or a week starts, hence when a digest is
 * due; {@code interval} is how often the job looks for due alerts; {@code maxRecords} caps the list
 * in one e-mail (the rest is counted); {@code maxScan} caps the records read per run; links in the
 * e-mails start with {@code publicUrl}.
 */
@Validated
@ConfigurationProperties("lakou.alerts")
record AlertsProperties(
        @NotNull @DefaultValue("1h") Duration interval,
        @NotNull @DefaultValue("America/Martinique") ZoneId zone,
        @Min(1) @Max(200) @DefaultValue("20") int maxPerMember,
        @Min(1) @Max(500) @DefaultValue("50") int maxRecords,
        @Min(100) @DefaultValue("10000") int maxScan,
        @NotBlank @Pattern(regexp = "https?://\\S+") @DefaultValue("http://localhost:8080") String publicUrl,
        @NotBlank @DefaultValue("Le centre de ressources") String signature,
        @DefaultValue("true") boolean jobsEnabled) {

    /** The public URL without a trailing slash, so links are {@code base + "/api/records/" + id}. */
    String base() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
}
