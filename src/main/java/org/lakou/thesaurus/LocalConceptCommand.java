package org.lakou.thesaurus;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A documentalist's new local concept, placed under an existing (usually national) concept. */
public record LocalConceptCommand(
        @NotBlank @Size(max = 300) String prefLabel,
        @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag such as fr") String lang,
        @NotBlank @Size(max = 1000) String broader,
        List<@NotBlank @Size(max = 300) String> altLabels,
        @Size(max = 4000) String scopeNote) {

    public LocalConceptCommand {
        lang = lang == null || lang.isBlank() ? "fr" : lang;
        altLabels = altLabels == null ? List.of() : List.copyOf(altLabels);
    }
}
