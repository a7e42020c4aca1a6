package org.lakou.thesaurus.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lakou.shared.ApiException;
import org.lakou.thesaurus.ApplyResult;
import org.lakou.thesaurus.Concept;
import org.lakou.thesaurus.ConceptSuggestion;
import org.lakou.thesaurus.ImportResult;
import org.lakou.thesaurus.LocalConceptCommand;
import org.lakou.thesaurus.RdfSyntax;
import org.lakou.thesaurus.SchemeDiff;
import org.lakou.thesaurus.SchemeInfo;
import org.lakou.thesaurus.SchemeVersion;
import org.lakou.thesaurus.ThesaurusApi;
import org.springframework.stereotype.Service;

/** The module's API: writes go to the version and local services, reads to the current snapshot. */
@Service
class ThesaurusService implements ThesaurusApi {

    static final int MAX_SUGGESTIONS = 100;

    private final VersionService versions;
    private final LocalConcepts local;
    private final VersionStore store;
    private final ThesaurusState state;
    private final ThesaurusProperties props;

    ThesaurusService(VersionService versions, LocalConcepts local, VersionStore store, ThesaurusState state,
            ThesaurusProperties props) {
        this.props = props;
        this.versions = versions;
        this.local = local;
        this.store = store;
        this.state = state;
    }

    @Override
    public ImportResult importScheme(byte[] content, String fileName, String contentType, String source,
            boolean apply) {
        return versions.importScheme(content, fileName, contentType, source, apply);
    }

    @Override
    public List<SchemeInfo> schemes() {
        ConceptGraph g = state.graph();
        return store.schemes().stream().map(d -> info(d, g)).sorted(Comparator.comparing(SchemeInfo::id)).toList();
    }

    @Override
    public Optional<SchemeInfo> scheme(String idOrUri) {
        ConceptGraph g = state.graph();
        SchemeState live = g.scheme(idOrUri);
        String id = live != null ? live.id() : idOrUri;
        return store.scheme(id).map(d -> info(d, g));
    }

    private static SchemeInfo info(SchemeDocument d, ConceptGraph g) {
        SchemeState live = g.schemes.get(d.id());
        boolean isLocal = VersionStore.LOCAL_ID.equals(d.id());
        return new SchemeInfo(d.id(), d.uri(), live == null ? Map.of() : live.titles(),
                isLocal ? Integer.valueOf(d.lastVersion()) : d.currentVersion(), d.lastVersion(),
                live == null ? 0 : live.concepts().size(), isLocal);
    }

    @Override
    public List<SchemeVersion> versions(String schemeId) {
        SchemeDocument d = store.scheme(schemeId).filter(x -> !VersionStore.LOCAL_ID.equals(x.id()))
                .orElseThrow(() -> ApiException.notFound("Scheme", schemeId));
        return store.list(schemeId, d.lastVersion()).stream()
                .map(v -> new SchemeVersion(v.schemeId(), v.schemeUri(), v.version(), v.imported(), v.source(),
                        v.fileName(), v.format(), v.conceptCount(), v.tripleCount(), v.report(),
                        d.currentVersion() != null && d.currentVersion() == v.version()))
                .toList();
    }

    @Override
    public SchemeDiff diff(String schemeId, int fromVersion, int toVersion) {
        if (fromVersion < 1 || toVersion < 1) {
            throw ApiException.badRequest("from and to must be version numbers (1, 2, ...)");
        }
        return versions.diff(schemeId, fromVersion, toVersion);
    }

    @Override
    public Map<String, Map<String, String>> versionLabels(String schemeId, int version) {
        Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
        versions.concepts(schemeId, version).forEach(c -> out.put(c.uri(), c.prefLabels()));
        return out;
    }

    @Override
    public ApplyResult applyVersion(String schemeId, int version, java.util.Map<String, String> remappings) {
        return versions.applyVersion(schemeId, version, remappings);
    }

    @Override
    public String exportScheme(String schemeId, RdfSyntax syntax) {
        return RdfOutput.toString(current(schemeId).model(), syntax);
    }

    SchemeState current(String idOrUri) {
        SchemeState s = state.graph().scheme(idOrUri);
        if (s == null) {
            throw ApiException.notFound("Scheme", idOrUri);
        }
        return s;
    }

    @Override
    public Optional<Concept> concept(String uri) {
        return Optional.ofNullable(state.graph().byUri.get(uri));
    }

    @Override
    public List<Concept> topConcepts(String scheme) {
        return state.graph().topConcepts(current(scheme).uri());
    }

    @Override
    public List<Concept> ancestors(String uri) {
        return state.graph().ancestors(uri);
    }

    @Override
    public List<String> ancestorUris(String uri) {
        return state.graph().closure(uri, true);
    }

    @Override
    public List<String> descendants(String uri) {
        return state.graph().closure(uri, false);
    }

    @Override
    public List<ConceptSuggestion> suggest(String prefix, String lang, int limit) {
        return state.graph().suggest.suggest(prefix, lang, Math.max(1, Math.min(limit, MAX_SUGGESTIONS)));
    }

    @Override
    public Optional<Concept> findByLabel(String label, String lang) {
        return state.graph().labels.find(label, lang);
    }

    @Override
    public List<Concept> allConcepts() {
        return state.graph().all;
    }

    @Override
    public Concept addLocalConcept(LocalConceptCommand command) {
        return local.add(command);
    }

    @Override
    public List<Concept> localConcepts() {
        return state.graph().all.stream().filter(Concept::local).toList();
    }

    @Override
    public String localProposal(RdfSyntax syntax) {
        SchemeState localScheme = state.graph().schemes.get(VersionStore.LOCAL_ID);
        // before the first local concept the proposal is an empty scheme, not a 404
        return RdfOutput.toString(localScheme != null ? localScheme.model()
                : LocalSchemeModel.build(List.of(), props), syntax);
    }
}
