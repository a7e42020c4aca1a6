package org.lakou.thesaurus.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A concept as one scheme version states it, before the merge with other schemes and local
 * concepts adds the inverse links and depths. Extracted once per version, reused on every rebuild.
 */
record ConceptData(
        String uri,
        String schemeUri,
        Map<String, String> prefLabels,
        Map<String, List<String>> altLabels,
        Map<String, List<String>> hiddenLabels,
        Set<String> broader,
        Set<String> narrower,
        Set<String> related,
        Map<String, Map<String, List<String>>> notes,
        Map<String, List<String>> mappings,
        boolean deprecated,
        String replacedBy,
        String notation,
        boolean top,
        boolean local) {
}
