package org.lakou.feeds.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code lakou.feeds}: {@code title} prefixes every feed's title and names the feed's author (the
 * centre), {@code entries} is how many records a feed lists (at most 100, the search API's page).
 */
@Validated
@ConfigurationProperties("lakou.feeds")
public record FeedsProperties(
        @NotBlank @DefaultValue("Lakou, centre de ressources politique de la ville") String title,
        @Min(1) @Max(100) @DefaultValue("30") int entries) {
}
