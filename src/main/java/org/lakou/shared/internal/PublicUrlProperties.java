package org.lakou.shared.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.lang.Nullable;
import org.springframework.validation.annotation.Validated;

/**
 * {@code lakou.public-url}: where readers and partners reach Lakou; empty means "from the request".
 * {@code lakou.files.public-url}: an optional second origin (another host name for this same
 * server) from which public files are served, so that no uploaded byte ever renders on the origin
 * that holds the sessions.
 */
@Validated
@ConfigurationProperties("lakou")
record PublicUrlProperties(@Nullable @Pattern(regexp = "(https?://\\S+)?") String publicUrl,
        @Nullable @Valid Files files) {

    record Files(@Nullable @Pattern(regexp = "(https?://\\S+)?") String publicUrl) {
    }

    @Nullable
    String normalised() {
        return normalised(publicUrl);
    }

    @Nullable
    String filesNormalised() {
        return files == null ? null : normalised(files.publicUrl());
    }

    @Nullable
    private static String normalised(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
