package org.lakou.oai.internal;

import java.util.List;
import java.util.Optional;

import org.lakou.thesaurus.Concept;
import org.lakou.thesaurus.SchemeInfo;
import org.lakou.thesaurus.ThesaurusApi;
import org.lakou.thesaurus.ThesaurusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The shared thesaurus seen through {@link SubjectVocabulary}. Reads hit the thesaurus module's
 * in-memory snapshot; a thesaurus change drops the cached set list.
 */
@Component
class ThesaurusVocabulary implements SubjectVocabulary {

    private final ThesaurusApi thesaurus;
    private volatile Runnable onChange = () -> { };

    ThesaurusVocabulary(ThesaurusApi thesaurus) {
        this.thesaurus = thesaurus;
    }

    void onChange(Runnable action) {
        this.onChange = action;
    }

    @EventListener
    void thesaurusChanged(ThesaurusChanged event) {
        onChange.run();
    }

    @Override
    public Optional<VocabularyConcept> concept(String uri) {
        if (uri == null || uri.isBlank()) {
            return Optional.empty();
        }
        return thesaurus.concept(uri).map(ThesaurusVocabulary::toConcept);
    }

    @Override
    public List<VocabularyConcept> topConcepts() {
        return thesaurus.schemes().stream().filter(s -> s.currentVersion() != null || s.local())
                .flatMap(s -> thesaurus.topConcepts(s.uri()).stream()).map(ThesaurusVocabulary::toConcept).toList();
    }

    @Override
    public String schemeLabel(String schemeUri) {
        return thesaurus.scheme(schemeUri).map(SchemeInfo::titles).map(t -> t.getOrDefault("fr", schemeUri))
                .orElse(schemeUri);
    }

    private static VocabularyConcept toConcept(Concept c) {
        return new VocabularyConcept(c.uri(), c.label("fr"), c.schemeUri(), c.notation(), c.broader(), c.narrower());
    }
}
