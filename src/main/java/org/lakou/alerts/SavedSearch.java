package org.lakou.alerts;

import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * A search a member follows: the query and the filters of {@code /api/search} (subjects are concept
 * URIs and include their narrower concepts). Its digest lists the records first published since the
 * last one that this search finds for the member.
 */
public record SavedSearch(
        @Size(max = 1000) String q,
        String type,
        Integer yearFrom,
        Integer yearTo,
        String language,
        String creator,
        String collection,
        String source,
        @Size(max = 20) List<String> subjects) {

    public SavedSearch {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }
}
