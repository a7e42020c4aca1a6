package org.lakou.thesaurus;

import java.util.List;
import java.util.Optional;

/**
 * The thesaurus module's public face. Reads are served from an in-memory snapshot of the current
 * versions (plus local concepts), swapped atomically on every change, so they never touch Mongo.
 */
public interface ThesaurusApi {

    // --- import, versions, apply ---

    /**
     * Parses, checks and stores a new version of the scheme the content describes. The format
     * comes from {@code contentType}, else from the file name's extension.
     *
     * @param apply make the version current at once (and remap deprecated subjects)
     * @throws org.lakou.shared.ApiException 400 with the report when it has errors
     */
    ImportResult importScheme(byte[] content, String fileName, String contentType, String source, boolean apply);

    default ImportResult importScheme(byte[] content, String fileName, String contentType, String source) {
        return importScheme(content, fileName, contentType, source, true);
    }

    List<SchemeInfo> schemes();

    /** By id or scheme URI. */
    Optional<SchemeInfo> scheme(String idOrUri);

    List<SchemeVersion> versions(String schemeId);

    SchemeDiff diff(String schemeId, int fromVersion, int toVersion);

    /**
     * The prefLabels (by language) of every concept a stored version states, current or not: a
     * diff names concepts by URI, and a version under review is not loaded in memory.
     */
    java.util.Map<String, java.util.Map<String, String>> versionLabels(String schemeId, int version);

    default ApplyResult applyVersion(String schemeId, int version) {
        return applyVersion(schemeId, version, java.util.Map.of());
    }

    /**
     * Makes a version current, with the staff's choices for deprecated concepts: each entry maps a
     * deprecated URI to the concept that replaces it on records (overriding the version's own
     * dct:isReplacedBy), or to {@code ""} to flag its records for review instead.
     *
     * @throws org.lakou.shared.ApiException 400 when a choice names an unknown or deprecated target
     */
    ApplyResult applyVersion(String schemeId, int version, java.util.Map<String, String> remappings);

    /** The current RDF of a scheme (the local scheme too), as stored. */
    String exportScheme(String schemeId, RdfSyntax syntax);

    // --- reading ---

    Optional<Concept> concept(String uri);

    /** Top concepts of a scheme (by URI or id), sorted by French label. */
    List<Concept> topConcepts(String scheme);

    /** The path from a top concept down to the concept's parent (first broader at each step). */
    List<Concept> ancestors(String uri);

    /** Every transitive broader URI (all paths of a polyhierarchy), nearest first. */
    List<String> ancestorUris(String uri);

    /** Every transitive narrower URI, the concept itself excluded. */
    List<String> descendants(String uri);

    /** Accent- and case-insensitive prefix match on pref and alt labels (and word starts in them). */
    List<ConceptSuggestion> suggest(String prefix, String lang, int limit);

    /**
     * Exact match, after accent/case/punctuation folding, on pref, alt and hidden labels; prefLabels
     * and labels in {@code lang} (when given) win. For query expansion.
     */
    Optional<Concept> findByLabel(String label, String lang);

    /** Every concept of every current scheme and of the local scheme, e.g. to feed a Solr core. */
    List<Concept> allConcepts();

    // --- local extension ---

    Concept addLocalConcept(LocalConceptCommand command);

    List<Concept> localConcepts();

    /** The local additions as SKOS, a change proposal for the network. */
    String localProposal(RdfSyntax syntax);
}
