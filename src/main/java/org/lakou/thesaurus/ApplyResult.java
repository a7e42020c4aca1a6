package org.lakou.thesaurus;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The effect of making a version current: which deprecated concepts were replaced and which had
 * no successor (removed concepts count as such), and the records remapped or flagged for review.
 */
public record ApplyResult(String schemeId, int version, Integer previousVersion, Map<String, String> replacements,
        List<String> withoutReplacement, List<String> remappedRecords, List<String> flaggedRecords) {

    @JsonProperty("remapped")
    public int remapped() {
        return remappedRecords.size();
    }

    @JsonProperty("flagged")
    public int flagged() {
        return flaggedRecords.size();
    }
}
