package org.lakou.catalogue;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The fields a documentalist edits. {@code date} is a year or a full ISO date, because grey
 * literature is often only dated by year; {@code language} is an ISO 639-1 or 639-3 code.
 */
public record RecordFields(
        @NotBlank @Size(max = 1000) String title,
        @Size(max = 1000) String subtitle,
        List<@NotBlank @Size(max = 300) String> creators,
        @Size(max = 300) String publisher,
        @Pattern(regexp = "\\d{4}(-\\d{2}(-\\d{2})?)?", message = "must be YYYY, YYYY-MM or YYYY-MM-DD") String date,
        @DocumentTypeValue String type,
        @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 code such as fr or fra") String language,
        @JsonProperty("abstract") @Size(max = 20000) String summary,
        List<@NotBlank String> subjects,
        List<@NotBlank String> territories,
        @Size(max = 200) String collection,
        AccessLevel accessLevel) {

    public RecordFields {
        creators = creators == null ? List.of() : List.copyOf(creators);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        territories = territories == null ? List.of() : List.copyOf(territories);
        accessLevel = accessLevel == null ? AccessLevel.PUBLIC : accessLevel;
    }

    /** The year part of {@link #date}, or null. */
    public Integer year() {
        return date == null || date.length() < 4 ? null : Integer.valueOf(date.substring(0, 4));
    }

    public RecordFields withSubjects(List<String> newSubjects) {
        return new RecordFields(title, subtitle, creators, publisher, date, type, language, summary,
                newSubjects, territories, collection, accessLevel);
    }
}
