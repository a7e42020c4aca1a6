package org.lakou.search.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.search.RecordSuggestions;
import org.lakou.search.SubjectDecision;
import org.lakou.search.SubjectDecision.Decision;
import org.lakou.search.SubjectSuggester;
import org.lakou.search.SubjectSuggestion;
import org.lakou.shared.ApiException;
import org.lakou.thesaurus.Concept;
import org.lakou.thesaurus.ThesaurusApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Subject suggestion with the concepts core's Tagger, and the documentalist's decisions. Thematic
 * and local concepts are suggested as subjects, geographic ones as territories; other schemes
 * (document types) are not looked for at all.
 */
@Service
class SubjectSuggestionService implements SubjectSuggester {

    static final String SUBJECTS = "subjects";
    static final String TERRITORIES = "territories";
    private static final Logger log = LoggerFactory.getLogger(SubjectSuggestionService.class);
    private static final int MAX_LIMIT = 50;
    private static final int UPDATE_ATTEMPTS = 3;

    private final ConceptTagger tagger;
    private final ConceptIndexer conceptIndexer;
    private final ThesaurusApi thesaurus;
    private final CatalogueApi catalogue;
    private final SubjectDecisionStore decisions;
    private final Clock clock;
    private final Set<String> subjectSchemes;
    private final Set<String> territorySchemes;

    SubjectSuggestionService(ConceptTagger tagger, ConceptIndexer conceptIndexer, ThesaurusApi thesaurus,
            CatalogueApi catalogue, SubjectDecisionStore decisions, Clock clock,
            @Value("${lakou.search.suggest.subject-schemes:https://w3id.org/lakou/thesaurus/thematique}")
            List<String> subjectSchemes,
            @Value("${lakou.search.suggest.territory-schemes:https://w3id.org/lakou/thesaurus/territoires}")
            List<String> territorySchemes) {
        this.tagger = tagger;
        this.conceptIndexer = conceptIndexer;
        this.thesaurus = thesaurus;
        this.catalogue = catalogue;
        this.decisions = decisions;
        this.clock = clock;
        this.subjectSchemes = Set.copyOf(subjectSchemes);
        this.territorySchemes = Set.copyOf(territorySchemes);
    }

    @Override
    public List<SubjectSuggestion> suggest(String title, String text, int limit) {
        int n = Math.max(1, Math.min(limit, MAX_LIMIT));
        String fq = filterQuery();
        try {
            ConceptTagger.Tagged inTitle = tagger.tag(title, fq);
            ConceptTagger.Tagged inText = tagger.tag(cap(text), fq);
            return SuggestionRanker.rank(inTitle, inText, thesaurus::concept, this::targetOf, n);
        } catch (SolrUnavailableException e) {
            log.warn("Subject suggestion failed: {}", e.getMessage());
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Suggestions unavailable",
                    "The concepts index cannot answer right now; try again in a moment");
        }
    }

    @Override
    public RecordSuggestions suggestForRecord(String recordId, int limit) {
        Record r = live(recordId);
        String title = r.subtitle() == null ? r.title() : r.title() + ". " + r.subtitle();
        String text = (r.summary() == null ? "" : r.summary() + "\n\n") + catalogue.fullText(recordId);
        List<SubjectDecision> past = decisions.forRecord(recordId);
        Map<String, Decision> byUri = past.stream()
                .collect(Collectors.toMap(SubjectDecision::conceptUri, SubjectDecision::decision, (a, b) -> b));
        Set<String> assigned = new HashSet<>(r.subjects());
        assigned.addAll(r.territories());
        List<SubjectSuggestion> out = suggest(title, text, limit).stream()
                .map(s -> s.forRecord(byUri.get(s.uri()), assigned.contains(s.uri())))
                .toList();
        return new RecordSuggestions(r.id(), r.version(), out, past);
    }

    @Override
    public SubjectDecision decide(String recordId, String conceptUri, Decision decision) {
        if (decision == null) {
            throw ApiException.badRequest("decision must be accepted or rejected").with("parameter", "decision");
        }
        if (conceptUri == null || conceptUri.isBlank()) {
            throw ApiException.badRequest("conceptUri is required").with("parameter", "conceptUri");
        }
        Concept c = thesaurus.concept(conceptUri.trim())
                .orElseThrow(() -> ApiException.badRequest("Unknown concept " + conceptUri)
                        .with("conceptUri", conceptUri));
        Record r = live(recordId);
        if (decision == Decision.ACCEPTED) {
            if (c.deprecated()) {
                throw ApiException.badRequest("Concept " + c.uri() + " is deprecated"
                        + (c.replacedBy() == null ? "" : "; use " + c.replacedBy())).with("conceptUri", c.uri());
            }
            r = addSubject(r, c);
        }
        return decisions.save(new SubjectDecision(r.id(), c.uri(), c.label("fr"), decision, clock.instant(),
                r.version()));
    }

    @Override
    public boolean awaitConceptsIndexed(Duration timeout) {
        return conceptIndexer.awaitCurrent(timeout);
    }

    /** At the current version; a concurrent edit is re-read and the subject added to it. */
    private Record addSubject(Record r, Concept c) {
        boolean territory = TERRITORIES.equals(targetOf(c));
        for (int attempt = 1; ; attempt++) {
            List<String> current = territory ? r.territories() : r.subjects();
            if (current.contains(c.uri())) {
                return r;
            }
            List<String> next = new ArrayList<>(new LinkedHashSet<>(current));
            next.add(c.uri());
            RecordFields f = r.fields();
            RecordFields updated = territory
                    ? new RecordFields(f.title(), f.subtitle(), f.creators(), f.publisher(), f.date(), f.type(),
                            f.language(), f.summary(), f.subjects(), next, f.collection(), f.accessLevel())
                    : f.withSubjects(next);
            try {
                return catalogue.update(r.id(), r.version(), updated);
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= UPDATE_ATTEMPTS) {
                    throw e;
                }
                r = live(r.id());
            }
        }
    }

    private Record live(String recordId) {
        Record r = catalogue.get(recordId);
        if (r.deleted()) {
            throw new ApiException(HttpStatus.GONE, "Record deleted", "Record " + recordId + " was deleted")
                    .with("id", recordId);
        }
        return r;
    }

    /** {@code subjects}, {@code territories}, or null: not a concept to suggest. */
    String targetOf(Concept c) {
        if (c.local() || subjectSchemes.contains(c.schemeUri())) {
            return SUBJECTS;
        }
        return territorySchemes.contains(c.schemeUri()) ? TERRITORIES : null;
    }

    private String filterQuery() {
        Set<String> schemes = new LinkedHashSet<>(subjectSchemes);
        schemes.addAll(territorySchemes);
        return schemes.stream().map(s -> "scheme:\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(" OR ", "local:true OR ", ""));
    }

    /** The first {@link #MAX_TEXT_CHARS} characters, cut at a space so no word is split. */
    static String cap(String text) {
        if (text == null || text.length() <= MAX_TEXT_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_TEXT_CHARS);
        return text.substring(0, cut > MAX_TEXT_CHARS / 2 ? cut : MAX_TEXT_CHARS);
    }
}
