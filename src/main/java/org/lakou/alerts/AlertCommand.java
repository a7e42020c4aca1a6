package org.lakou.alerts;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a member sends to create or replace an alert. {@code concepts} are thesaurus concept URIs
 * (checked against the thesaurus); {@code types} are catalogue document types ({@code DocumentTypes.KNOWN}); {@code territories}
 * are territory concept URIs or names as records carry them. {@code active} defaults to true.
 */
public record AlertCommand(
        @NotBlank @Size(max = 200) String name,
        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 500) String> concepts,
        @Size(max = 20) List<@NotBlank String> types,
        @Size(max = 50) List<@NotBlank @Size(max = 500) String> territories,
        @NotNull AlertFrequency frequency,
        Boolean active) {

    public AlertCommand {
        types = types == null ? List.of() : List.copyOf(types);
        territories = territories == null ? List.of() : List.copyOf(territories);
        active = active == null ? Boolean.TRUE : active;
    }
}
