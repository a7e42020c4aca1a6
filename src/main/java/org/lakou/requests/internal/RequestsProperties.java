package org.lakou.requests.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code lakou.requests.*}: the largest file attached to an answer (kept in Mongo, so under its
 * 16 MB document limit), whether members are e-mailed, and the centre's name in those e-mails.
 */
@Validated
@ConfigurationProperties("lakou.requests")
record RequestsProperties(
        @NotNull @DefaultValue("10MB") DataSize maxFileSize,
        @DefaultValue("true") boolean notifyMembers,
        @NotBlank @DefaultValue("Le centre de ressources") String signature) {

    RequestsProperties {
        if (maxFileSize != null && maxFileSize.toBytes() > DataSize.ofMegabytes(15).toBytes()) {
            throw new IllegalArgumentException("lakou.requests.max-file-size must stay under 15MB (one Mongo document)");
        }
    }
}
