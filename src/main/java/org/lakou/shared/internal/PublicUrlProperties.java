package org.lakou.shared.internal;

import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.lang.Nullable;
import org.springframework.validation.annotation.Validated;

/** {@code lakou.public-url}: where readers and partners reach Lakou; empty means "from the request". */
@Validated
@ConfigurationProperties("lakou")
record PublicUrlProperties(@Nullable @Pattern(regexp = "(https?://\\S+)?") String publicUrl) {

    @Nullable
    String normalised() {
        if (publicUrl == null || publicUrl.isBlank()) {
            return null;
        }
        String u = publicUrl.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
