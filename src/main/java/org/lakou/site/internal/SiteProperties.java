package org.lakou.site.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code themeScheme}: the scheme whose top concepts the home page offers as entries by theme;
 * {@code latest}: how many recent documents it lists; {@code zone}: where the dates pages show fall.
 */
@Validated
@ConfigurationProperties("lakou.site")
public record SiteProperties(
        @NotBlank @DefaultValue("https://w3id.org/lakou/thesaurus/thematique") String themeScheme,
        @Min(1) @Max(50) @DefaultValue("6") int latest,
        @NotNull @DefaultValue("America/Martinique") ZoneId zone) {
}
