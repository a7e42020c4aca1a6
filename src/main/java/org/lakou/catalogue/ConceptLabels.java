package org.lakou.catalogue;

import java.util.Collection;
import java.util.Map;

/**
 * Display labels of the concept URIs a record carries (subjects, territories), from whoever knows
 * the thesaurus. The catalogue depends on nothing, so the thesaurus implements this for it, as
 * circulation implements {@link CopyAvailability}; without one, pages show the URIs.
 */
public interface ConceptLabels {

    /** Labels in {@code lang} (or the best fallback) of those of {@code uris} that are known. */
    Map<String, String> labels(Collection<String> uris, String lang);
}
