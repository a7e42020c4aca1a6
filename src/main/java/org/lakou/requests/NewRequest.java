package org.lakou.requests;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * A request as submitted. {@code memberId} is for staff recording a request that came by phone or
 * mail; a member's own submission leaves it out. {@code concepts} are thesaurus concept URIs.
 */
public record NewRequest(
        @NotBlank @Size(max = 300) String subject,
        @NotBlank @Size(max = 10000) String description,
        List<@NotBlank String> concepts,
        @NotEmpty List<AnswerKind> expected,
        LocalDate desiredDate,
        String memberId) {

    public NewRequest {
        concepts = concepts == null ? List.of() : List.copyOf(concepts);
    }
}
