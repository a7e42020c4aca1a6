package org.lakou.alerts;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a member sends to create or replace an alert. {@code concepts} are thesaurus concept URIs
 * (checked against the thesaurus); {@code types} are catalogue document types ({@code DocumentTypes.KNOWN}); {@code territories}
 * are territory concept URIs or names as records carry them. {@code active} defaults to true.
 * A saved-search alert gives {@code search} instead of concepts (its filters replace types and
 * territories); exactly one of the two is required, which the service checks.
 */
public record AlertCommand(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 50) List<@NotBlank @Size(max = 500) String> concepts,
        @Size(max = 20) List<@NotBlank String> types,
        @Size(max = 50) List<@NotBlank @Size(max = 500) String> territories,
        @NotNull AlertFrequency frequency,
        Boolean active,
        @Valid SavedSearch search) {

    public AlertCommand {
        concepts = concepts == null ? List.of() : List.copyOf(concepts);
        types = types == null ? List.of() : List.copyOf(types);
        territories = territories == null ? List.of() : List.copyOf(territories);
        active = active == null ? Boolean.TRUE : active;
    }

    /** A concept alert. */
    public AlertCommand(String name, List<String> concepts, List<String> types, List<String> territories,
            AlertFrequency frequency, Boolean active) {
        this(name, concepts, types, territories, frequency, active, null);
    }
}
