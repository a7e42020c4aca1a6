package org.lakou.thesaurus.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.lakou.shared.ApiException;
import org.lakou.thesaurus.ApplyResult;
import org.lakou.thesaurus.ImportResult;
import org.lakou.thesaurus.QualityFinding;
import org.lakou.thesaurus.QualityReport;
import org.lakou.thesaurus.SchemeDiff;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Imports (parse, check, store as a new version) and diffs; applying is {@link VersionApplier}'s job. */
@Component
class VersionService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(VersionService.class);

    private final VersionStore store;
    private final ThesaurusState state;
    private final VersionApplier applier;
    private final ThesaurusProperties props;
    private final Clock clock;

    VersionService(VersionStore store, ThesaurusState state, VersionApplier applier, ThesaurusProperties props,
            Clock clock) {
        this.store = store;
        this.state = state;
        this.applier = applier;
        this.props = props;
        this.clock = clock;
    }

    ImportResult importScheme(byte[] content, String fileName, String contentType, String source, boolean apply) {
        if (content.length > props.maxImportSize().toBytes()) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Import too large",
                    "The file exceeds the maximum import size of " + props.maxImportSize()).with("reason", "too-large");
        }
        Lang lang = RdfInput.detect(contentType, fileName);
        if (lang == null) {
            throw refused(new QualityReport(List.of(QualityFinding.error("unsupported-format",
                    "Cannot tell the RDF syntax from the content type '" + contentType + "' or the file name '"
                            + fileName + "'; send Turtle, RDF/XML, N-Triples, JSON-LD, TriG or N-Quads", null, null)),
                    List.of(), java.util.Map.of("unsupported-format", 1), false));
        }
        long t0 = System.nanoTime();
        RdfInput.Parsed parsed = RdfInput.parse(content, lang);
        long t1 = System.nanoTime();
        ConceptGraph current = state.graph();
        QualityReport report = QualityChecker.check(parsed, current.byUri::containsKey);
        long t2 = System.nanoTime();
        if (report.blocking()) {
            throw refused(report);
        }
        Model model = parsed.model();
        String uri = SchemePicker.schemeUri(model, fileName, props);
        synchronized (this) {
            String id = store.idFor(uri);
            int version = store.nextVersion(id, uri);
            SchemeState next = SchemeState.of(id, uri, version, model, false);
            store.save(new VersionDocument(VersionDocument.idOf(id, version), id, uri, version, clock.instant(),
                    source == null || source.isBlank() ? "upload" : source, fileName, lang.getName(),
                    next.concepts().size(), model.size(), report, null, null), model);
            long t3 = System.nanoTime();
            ApplyResult applied = apply ? applier.apply(next, java.util.Map.of()) : null;
            log.info("Imported {} v{} ({} concepts, {} triples) in {} ms: parse {}, check {}, store {}, apply {}", id,
                    version, next.concepts().size(), model.size(), ms(t0, System.nanoTime()), ms(t0, t1), ms(t1, t2),
                    ms(t2, t3), ms(t3, System.nanoTime()));
            return new ImportResult(id, uri, version, next.concepts().size(), model.size(), report, applied);
        }
    }

    ApplyResult applyVersion(String schemeId, int version, java.util.Map<String, String> remappings) {
        VersionDocument doc = store.find(schemeId, version)
                .orElseThrow(() -> ApiException.notFound("Version", VersionDocument.idOf(schemeId, version)));
        synchronized (this) {
            return applier.apply(SchemeState.of(schemeId, doc.schemeUri(), version, store.load(doc), false),
                    remappings);
        }
    }

    SchemeDiff diff(String schemeId, int from, int to) {
        return SchemeDiffer.diff(schemeId, from, to, concepts(schemeId, from), concepts(schemeId, to));
    }

    /** Concept URIs a diff touches, plus their descendants now: their ancestor paths changed too. */
    static Set<String> affected(SchemeDiff diff, ConceptGraph graph) {
        TreeSet<String> out = SchemeDiffer.touched(diff);
        for (String uri : List.copyOf(out)) {
            out.addAll(graph.closure(uri, false));
        }
        return out;
    }

    List<ConceptData> concepts(String schemeId, int version) {
        SchemeState live = state.graph().schemes.get(schemeId);
        if (live != null && live.version() == version) {
            return live.concepts();
        }
        VersionDocument doc = store.find(schemeId, version)
                .orElseThrow(() -> ApiException.notFound("Version", VersionDocument.idOf(schemeId, version)));
        return ConceptExtractor.extract(store.load(doc), doc.schemeUri(), false);
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static ApiException refused(QualityReport report) {
        QualityFinding first = report.errors().get(0);
        String where = first.line() == null ? "" : " (line " + first.line()
                + (first.column() == null ? "" : ", column " + first.column()) + ")";
        ApiException e = new ApiException(HttpStatus.BAD_REQUEST, "Import refused", first.message() + where)
                .with("code", first.code()).with("report", report);
        if (first.line() != null) {
            e.with("line", first.line());
        }
        return first.column() == null ? e : e.with("column", first.column());
    }
}
